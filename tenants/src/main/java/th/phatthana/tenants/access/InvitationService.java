package th.phatthana.tenants.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * One-time invitation links: issued (or reissued) for a user, looked up by the token in the link,
 * and used once to set the user's password.
 */
@Service
public class InvitationService {

    private final InvitationRepository invitations;
    private final AppUserRepository users;
    private final PasswordService passwords;
    private final MongoTemplate mongo;
    private final Duration validity;
    private final Clock clock;

    public InvitationService(InvitationRepository invitations, AppUserRepository users, PasswordService passwords, MongoTemplate mongo,
            AuthProperties properties, Clock clock) {
        this.invitations = invitations;
        this.users = users;
        this.passwords = passwords;
        this.mongo = mongo;
        this.validity = properties.invitationValidity();
        this.clock = clock;
    }

    /** A new link's token, shown only to whoever invited. */
    public record IssuedInvitation(Invitation invitation, String token) {
    }

    /** What a link's token leads to. */
    public sealed interface Lookup {
        /** Usable: the person may choose a password. */
        record Open(Invitation invitation, AppUser user) implements Lookup {
        }

        /** No such link: mistyped, or replaced by a reissued one. */
        record NotFound() implements Lookup {
        }

        record Expired(Invitation invitation) implements Lookup {
        }

        record Used(Invitation invitation) implements Lookup {
        }
    }

    /** Issues a link for the user, replacing any earlier one. */
    public IssuedInvitation issue(AppUser user, Caller invitedBy) {
        String token = Secrets.randomValue();
        // Milliseconds, as MongoDB keeps them: the time shown at issue equals the one read back later.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Invitation invitation = new Invitation(user.id(), user.tenantId(), Secrets.hash(token), invitedBy.subject(), now,
                now.plus(validity), null);
        invitations.save(invitation);
        return new IssuedInvitation(invitation, token);
    }

    public Lookup lookup(String token) {
        Optional<Invitation> found = token == null || token.isBlank() ? Optional.empty()
                : invitations.findByTokenHash(Secrets.hash(token));
        if (found.isEmpty()) {
            return new Lookup.NotFound();
        }
        Invitation invitation = found.get();
        if (invitation.usedAt() != null) {
            return new Lookup.Used(invitation);
        }
        if (!invitation.expiresAt().isAfter(clock.instant())) {
            return new Lookup.Expired(invitation);
        }
        Optional<AppUser> user = users.findById(invitation.userId());
        return user.isEmpty() ? new Lookup.NotFound() : new Lookup.Open(invitation, user.get());
    }

    /**
     * Uses an open link: marks it used (once only, even when two requests race) and sets the
     * password, which the caller has checked against the policy. Empty when the link was not open.
     */
    public Optional<AppUser> use(Invitation invitation, String password) {
        Instant now = clock.instant();
        Query open = Query.query(Criteria.where("_id").is(invitation.userId()).and("tokenHash").is(invitation.tokenHash())
                .and("usedAt").is(null).and("expiresAt").gt(now));
        Invitation used = mongo.findAndModify(open, Update.update("usedAt", now), FindAndModifyOptions.options().returnNew(true),
                Invitation.class);
        if (used == null) {
            return Optional.empty();
        }
        passwords.set(invitation.userId(), password);
        return users.findById(invitation.userId());
    }

    /** The user's invitation that has not been used (it may have expired), if any. */
    public Optional<Invitation> pendingFor(String userId) {
        return invitations.findById(userId).filter(i -> i.usedAt() == null);
    }
}
