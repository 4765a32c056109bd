package io.proofdesk.reexec;

import ai.onnxruntime.OrtEnvironment;

/**
 * Child process for {@link OrtRuntimeTest}: starts ONNX Runtime from a thread with the default stack, as the app's
 * executors do, either through {@link OrtRuntime} ({@code runtime}) or directly ({@code direct}), and prints
 * {@code ORT <version>}.
 */
public final class OrtStartMain {

    private OrtStartMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean direct = args.length > 0 && args[0].equals("direct");
        Thread worker = new Thread(() -> {
            OrtEnvironment env = direct ? OrtEnvironment.getEnvironment() : OrtRuntime.environment();
            System.out.println("ORT " + env.getVersion());
        }, "worker");
        worker.start();
        worker.join();
    }
}
