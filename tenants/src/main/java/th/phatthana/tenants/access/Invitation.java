package th.phatthana.tenants.access;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The one-time link with which a user chooses a password. A user has at most one: the document's
 * id is the user's, so reissuing replaces it and the previous link stops working. Only the SHA-256
 * of the link's token is kept; it is unique across tenants because it is what establishes the user.
 *
 * @param userId    the invited user (the document's id)
 * @param tenantId  the user's organisation, or null for an oversight user
 * @param tokenHash SHA-256 of the token in the link
 * @param invitedBy subject of whoever invited (for the audit trail)
 * @param createdAt when the link was made
 * @param expiresAt when it stops working
 * @param usedAt    when the password was chosen with it; it then works no more
 */
@Document("invitations")
public record Invitation(@Id String userId, String tenantId, @Indexed(name = "token", unique = true) String tokenHash,
        String invitedBy, Instant createdAt, Instant expiresAt, Instant usedAt) {

    public boolean isOpen(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }
}
