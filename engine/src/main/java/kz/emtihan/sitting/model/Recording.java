package kz.emtihan.sitting.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One publish into the sitting's own room as the media server records it (6.15.1): who, in which part, from which
 * page, where the recording is written and from when. For the commission and an appeal; never in a student's view.
 * A text the document lacks (a record edited by hand) is empty.
 */
public record Recording(String userId, String role, String peer, String uri, Optional<Instant> at) {}
