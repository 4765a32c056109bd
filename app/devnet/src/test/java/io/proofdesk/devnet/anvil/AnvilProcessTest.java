package io.proofdesk.devnet.anvil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

class AnvilProcessTest {
    @TempDir
    Path tmp;

    private final Path binary = AnvilLocator.fromEnvironment().locate();

    @Test
    void startsOnLoopbackAnswersAndIsGoneAfterClose() throws Exception {
        long pid;
        try (AnvilProcess anvil = AnvilProcess.start(AnvilOptions.defaults(binary, tmp))) {
            pid = anvil.pid();
            assertTrue(anvil.rpcUrl().startsWith("http://127.0.0.1:"), anvil.rpcUrl());
            assertTrue(isAlive(pid));
            Web3j web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
            try {
                assertEquals(31337L, web3j.ethChainId().send().getChainId().longValueExact());
                assertEquals(0L, web3j.ethBlockNumber().send().getBlockNumber().longValueExact());
            } finally {
                web3j.shutdown();
            }
            assertTrue(Files.size(anvil.logFile()) > 0, "anvil writes its log to " + anvil.logFile());
            anvil.close(); // explicit close, then try-with-resources closes again: must be harmless
            assertFalse(anvil.isAlive());
        }
        assertFalse(isAlive(pid), "anvil " + pid + " still running after close");
    }

    @Test
    void blockTimeMinesWithoutTransactions() throws Exception {
        try (AnvilProcess anvil = AnvilProcess.start(AnvilOptions.defaults(binary, tmp).withBlockTime(Duration.ofSeconds(1)))) {
            Web3j web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                long height = 0;
                while (height < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    height = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
                }
                assertTrue(height >= 2, "height " + height + " after interval mining");
            } finally {
                web3j.shutdown();
            }
        }
    }

    @Test
    void aKilledParentJvmLeavesNoOrphan() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process host = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dproofdesk.root=" + System.getProperty("proofdesk.root"), AnvilHost.class.getName(), tmp.toString())
                .redirectErrorStream(true).start();
        long anvilPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("ANVIL_PID "));
            assertTrue(line != null, "child JVM ended before reporting anvil's pid");
            anvilPid = Long.parseLong(line.substring("ANVIL_PID ".length()).strip());
            assertTrue(isAlive(anvilPid));
            host.destroyForcibly(); // SIGKILL: no shutdown hooks run, like a crash
            assertTrue(host.waitFor(10, TimeUnit.SECONDS));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (isAlive(anvilPid) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(isAlive(anvilPid), "anvil " + anvilPid + " outlived its killed parent JVM");
    }

    @Test
    void aBinaryThatExitsGivesAnErrorNamingPortAndLog() throws IOException {
        Path fake = script("exits", "echo 'fake anvil refuses' ; exit 3");
        AnvilStartException e = assertThrows(AnvilStartException.class,
                () -> AnvilProcess.start(AnvilOptions.defaults(fake, tmp)));
        assertTrue(e.getMessage().contains("127.0.0.1:" + e.port()), e.getMessage());
        assertTrue(e.getMessage().contains("exited with code 3"), e.getMessage());
        assertTrue(e.getMessage().contains("fake anvil refuses"), e.getMessage());
        assertTrue(e.getMessage().contains(tmp.resolve("anvil.log").toString()), e.getMessage());
    }

    @Test
    void aBinaryThatNeverAnswersTimesOutAndIsStopped() throws Exception {
        Path pidFile = tmp.resolve("fake.pid");
        Path fake = script("silent", "echo $$ > " + pidFile + "; exec sleep 60");
        AnvilStartException e = assertThrows(AnvilStartException.class,
                () -> AnvilProcess.start(AnvilOptions.defaults(fake, tmp).withStartTimeout(Duration.ofSeconds(1))));
        assertTrue(e.getMessage().contains("did not answer within PT1S"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:" + e.port()), e.getMessage());
        long fakePid = Long.parseLong(Files.readString(pidFile).strip());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (isAlive(fakePid) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(isAlive(fakePid), "the never-ready process was left running");
    }

    private Path script(String name, String body) throws IOException {
        Path file = tmp.resolve(name);
        Files.write(file, List.of("#!/bin/sh", body));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
