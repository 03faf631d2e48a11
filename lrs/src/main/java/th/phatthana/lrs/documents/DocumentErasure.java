package th.phatthana.lrs.documents;

import org.springframework.stereotype.Service;

import th.phatthana.lrs.statements.ErasedPerson;

/**
 * Erases a person's documents from one tenant (PDPA): the state documents and agent profiles kept
 * for one of their identities. Activity profiles belong to activities, not to people, and the
 * contents of other people's documents are not interpreted.
 */
@Service
public class DocumentErasure {

    private final DocumentRepository documents;

    DocumentErasure(DocumentRepository documents) {
        this.documents = documents;
    }

    /** Deletes them; returns how many there were. */
    public long erase(String tenantId, ErasedPerson person) {
        return documents.deleteByAgent(tenantId, person::isTheirs);
    }
}
