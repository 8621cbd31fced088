package org.gongjian.shared.web;

/** Whether a failure is the container refusing a multipart body over its size limits. */
public final class UploadSizes {

    private UploadSizes() {
    }

    /** Tomcat's FileUpload size exceptions, anywhere in the cause chain (a chunked upload has no length to check first). */
    public static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.contains("SizeLimitExceeded") || name.equals("SizeException")) {
                return true;
            }
        }
        return false;
    }
}
