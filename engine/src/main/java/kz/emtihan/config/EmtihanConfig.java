package kz.emtihan.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import kz.emtihan.bank.media.MediaLimits;

/**
 * The engine's settings, built once at start-up by {@link ConfigLoader} and passed down.
 *
 * @param bankMedia the size limits of a bank's pictures and sounds ({@code bankMedia}; defaults when absent)
 * @param metrics issue 14 (5): {@code /metrics} ({@code metrics}; defaults when absent)
 * @param objects where recordings, snapshots and identity photos are kept ({@code objects}; issue 14, 1)
 * @param lti issue 16: LTI 1.3 launches ({@code lti}; defaults when absent)
 * @param ltiServices grades back to an LMS and rosters from its courses ({@code ltiServices}; issue 16, 3-4)
 */
public record EmtihanConfig(
        Http http,
        Store store,
        Path dataDir,
        Auth auth,
        Sweeper sweeper,
        ProctorSettings proctoring,
        MailSettings mail,
        Regulation regulation,
        MediaLimits bankMedia,
        MetricsSettings metrics,
        ObjectSettings objects,
        LtiSettings lti,
        LtiServicesSettings ltiServices) {

    /** @param drainSeconds issue 14 (6): how long a stopping node keeps serving while load balancers take it out */
    public record Http(String host, int port, int bodyLimitBytes, int importLimitBytes, int drainSeconds) {}

    /** {@code redisUrl} empty: start the embedded server with this appendfsync policy. */
    /** @param redisServer {@code auto} (an installed redis-server 7+ if there is one, else the shipped one), {@code embedded}, or a path */
    /** @param topology issue 14 (2): standalone, sentinel or cluster, and the replicas an acknowledgement waits for */
    public record Store(
            Optional<String> redisUrl, String appendfsync, int poolSize, String redisServer, StoreTopology topology) {}

    /** {@code jwtSecret} empty: generate one and keep it in the data directory. */
    public record Auth(Optional<String> jwtSecret, Duration tokenLifetime, int bcryptCost, LoginSettings login) {}

    /** Issue 14 (9): {@code lanes} attempts in flight at most while a tick drains everything due. */
    public record Sweeper(Duration interval, int batch, int lanes) {}

    public EmtihanConfig withPort(int port) {
        return new EmtihanConfig(
                new Http(http.host(), port, http.bodyLimitBytes(), http.importLimitBytes(), http.drainSeconds()),
                store,
                dataDir,
                auth,
                sweeper,
                proctoring,
                mail,
                regulation,
                bankMedia,
                metrics,
                objects,
                lti,
                ltiServices);
    }

    public EmtihanConfig withDataDir(Path dir) {
        return new EmtihanConfig(
                http,
                store,
                dir,
                auth,
                sweeper,
                proctoring,
                mail,
                regulation,
                bankMedia,
                metrics,
                objects,
                lti,
                ltiServices);
    }

    public EmtihanConfig withRegulation(Regulation r) {
        return new EmtihanConfig(
                http,
                store,
                dataDir,
                auth,
                sweeper,
                proctoring,
                mail,
                r,
                bankMedia,
                metrics,
                objects,
                lti,
                ltiServices);
    }

    public EmtihanConfig withMail(MailSettings m) {
        return new EmtihanConfig(
                http,
                store,
                dataDir,
                auth,
                sweeper,
                proctoring,
                m,
                regulation,
                bankMedia,
                metrics,
                objects,
                lti,
                ltiServices);
    }

    public EmtihanConfig withProctoring(ProctorSettings p) {
        return new EmtihanConfig(
                http,
                store,
                dataDir,
                auth,
                sweeper,
                p,
                mail,
                regulation,
                bankMedia,
                metrics,
                objects,
                lti,
                ltiServices);
    }

    public EmtihanConfig withObjects(ObjectSettings o) {
        return new EmtihanConfig(
                http,
                store,
                dataDir,
                auth,
                sweeper,
                proctoring,
                mail,
                regulation,
                bankMedia,
                metrics,
                o,
                lti,
                ltiServices);
    }

    public EmtihanConfig withLti(LtiSettings l) { // issue 16
        return new EmtihanConfig(
                http,
                store,
                dataDir,
                auth,
                sweeper,
                proctoring,
                mail,
                regulation,
                bankMedia,
                metrics,
                objects,
                l,
                ltiServices);
    }
}
