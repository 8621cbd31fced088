package org.gongjian.ecology.raster;

/** A raster request refused: a message code of the {@code ecology} bundle ({@code raster.<code>}) and its arguments. */
public class RasterException extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    public RasterException(String code, Object... args) {
        super(code + " " + java.util.Arrays.toString(args));
        this.code = code;
        this.args = args;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
