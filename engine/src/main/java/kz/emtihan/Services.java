package kz.emtihan;

import io.vertx.core.Vertx;
import java.time.Clock;
import kz.emtihan.audit.ReceiptSigner;
import kz.emtihan.auth.LoginThrottle;
import kz.emtihan.auth.Passwords;
import kz.emtihan.auth.Sessions;
import kz.emtihan.auth.Tokens;
import kz.emtihan.auth.Users;
import kz.emtihan.bank.BankMediaStore;
import kz.emtihan.bank.BankStore;
import kz.emtihan.bank.Banks;
import kz.emtihan.config.EmtihanConfig;
import kz.emtihan.exam.ExamModule;
import kz.emtihan.live.LiveHub;
import kz.emtihan.live.LiveRegistry;
import kz.emtihan.live.LiveSocket;
import kz.emtihan.proctor.ProctorModule;
import kz.emtihan.sitting.SittingModule;
import kz.emtihan.store.RedisStore;

/** Every service of the engine, wired once from the config and the store. */
public record Services(
        EmtihanConfig config,
        RedisStore store,
        Users users,
        Tokens tokens,
        Sessions sessions,
        LoginThrottle loginThrottle,
        Banks banks,
        ExamModule exam,
        ProctorModule proctor,
        SittingModule sittings,
        kz.emtihan.statement.StatementModule statements,
        LiveHub live,
        LiveSocket liveSocket,
        kz.emtihan.lti.LtiModule lti,
        kz.emtihan.lti.services.LtiServicesModule ltiServices) {
    public static Services wire(Vertx vertx, RedisStore store, EmtihanConfig cfg) {
        Users users = new Users(vertx, store, new Passwords(cfg.auth().bcryptCost()));
        Tokens tokens = new Tokens(
                Tokens.secret(cfg.auth().jwtSecret(), cfg.dataDir()), cfg.auth().tokenLifetime(), Clock.systemUTC());
        Sessions sessions = new Sessions(vertx, store, tokens, Clock.systemUTC());
        LoginThrottle throttle = new LoginThrottle(store, cfg.auth().login(), Clock.systemUTC());
        Banks banks = new Banks(
                vertx,
                new BankStore(store),
                new BankMediaStore(store.redis(), cfg.bankMedia()),
                cfg.regulation().bank());
        ExamModule exam = ExamModule.create(
                vertx, store, banks, cfg.regulation(), ReceiptSigner.fromDataDir(cfg.dataDir()), users.names());
        LiveHub live = new LiveHub(vertx, store);
        ProctorModule proctor = ProctorModule.create(
                vertx,
                store,
                exam,
                live,
                cfg.proctoring(),
                cfg.dataDir(),
                cfg.regulation().answerGrace().toMillis(),
                cfg.objects());
        SittingModule sittings = SittingModule.create(vertx, store, cfg.regulation(), live, users, cfg.mail());
        // issue 14 (1): with a bucket, photos and bank media keep their bytes there instead of in Redis
        proctor.bucket().map(b -> new kz.emtihan.objects.Blobs(vertx, b)).ifPresent(blobs -> {
            banks.media().keepBytesIn(blobs);
            users.photos().keepBytesIn(blobs);
            sittings.photos().keepBytesIn(blobs);
        });
        // each context plugs its message types and topics into the live socket, in dependency order (issue 11, 3)
        LiveRegistry plugged = new LiveRegistry(live);
        exam.plugInto(plugged, store.redis());
        proctor.plugInto(plugged, exam);
        sittings.plugInto(plugged, proctor.roomMedia());
        LiveSocket socket = new LiveSocket(live, sessions, plugged);
        var statements = kz.emtihan.statement.StatementModule.create(
                store, exam, users, cfg.regulation(), live::serverNow); // 5.34-5.35

        var lti = kz.emtihan.lti.LtiModule.create(
                vertx, store, users, tokens, exam.exams(), cfg.lti(), Clock.systemUTC()); // issue 16
        return new Services(
                cfg,
                store,
                users,
                tokens,
                sessions,
                throttle,
                banks,
                exam,
                proctor,
                sittings,
                statements,
                live,
                socket,
                lti,
                kz.emtihan.lti.services.LtiServicesModule.create( // issue 16 (3-4)
                        vertx, store, exam, lti.directory(), cfg.ltiServices(), lti.signIn()));
    }
}
