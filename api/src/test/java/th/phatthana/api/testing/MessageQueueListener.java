package th.phatthana.api.testing;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.net.http.WebSocket;

/** Puts each whole text message a WebSocket receives (e.g. of graphql-transport-ws) into a queue. */
public final class MessageQueueListener implements WebSocket.Listener {

    private final BlockingQueue<String> received;
    private final StringBuilder text = new StringBuilder();

    public MessageQueueListener(BlockingQueue<String> received) {
        this.received = received;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            received.add(text.toString());
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }
}
