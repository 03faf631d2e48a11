package th.phatthana.lrs.xapi;

import java.io.ByteArrayInputStream;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/** A request body already read into memory, handed on as the body of a wrapped request (synchronous reads only). */
public final class ByteArrayServletInputStream extends ServletInputStream {

    private final ByteArrayInputStream in;

    public ByteArrayServletInputStream(byte[] body) {
        this.in = new ByteArrayInputStream(body);
    }

    @Override
    public int read() {
        return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
    }

    @Override
    public boolean isFinished() {
        return in.available() == 0;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("synchronous reads only");
    }
}
