package io.proofdesk.ui.common;

import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The background-work helper on a real FX toolkit (headless), with a real thread pool. */
class TasksTest {

    private final List<Throwable> sink = new CopyOnWriteArrayList<>();
    private final BackgroundExecutor executor = new BackgroundExecutor("test", 2, sink::add);
    private final BackgroundExecutor single = new BackgroundExecutor("test-single", 1, sink::add);

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        executor.close();
        single.close();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(5, TimeUnit.SECONDS);
    }

    @Test
    void successIsDeliveredOnTheFxThread() throws Exception {
        AtomicReference<String> result = new AtomicReference<>();
        AtomicReference<Boolean> onFxThread = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Tasks.create(ctx -> "answer " + (20 + 22))
                .onSuccess(value -> {
                    result.set(value);
                    onFxThread.set(Platform.isFxApplicationThread());
                })
                .andFinally(done::countDown)
                .run(executor);
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals("answer 42", result.get());
        assertEquals(Boolean.TRUE, onFxThread.get());
        assertTrue(sink.isEmpty());
    }

    @Test
    void failureWithoutHandlerGoesToTheSink() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Tasks.create(ctx -> {
            throw new IOException("node did not answer");
        }).andFinally(done::countDown).run(executor);
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(1, sink.size());
        assertEquals("node did not answer", sink.getFirst().getMessage());
    }

    @Test
    void anErrorHandlerReplacesTheSink() throws Exception {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Tasks.create(ctx -> {
            throw new IllegalStateException("bad");
        }).onError(seen::set).andFinally(done::countDown).run(executor);
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, seen.get());
        assertTrue(sink.isEmpty());
    }

    @Test
    void titledTasksAreListedUntilTheyEndUntitledNever() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(2);
        Task<Void> quiet = Tasks.<Void>create(ctx -> {
            release.await();
            return null;
        }).andFinally(done::countDown).run(executor);
        Task<Void> shown = Tasks.<Void>create(ctx -> {
            release.await();
            return null;
        }).titled("Shown").andFinally(done::countDown).run(executor);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> executor.visibleTasks().size() == 1));
        assertEquals(List.of(shown), onFx(() -> List.copyOf(executor.visibleTasks())));
        assertEquals("Shown", onFx(shown::getTitle));
        release.countDown();
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertTrue(onFx(() -> executor.visibleTasks().isEmpty()));
        assertEquals(Worker.State.SUCCEEDED, onFx(quiet::getState));
    }

    @Test
    void cancellingStopsTheWorkAndRunsTheCancelHandler() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        Task<Void> task = Tasks.<Void>create(ctx -> {
            started.countDown();
            while (true) {
                ctx.checkCancelled();
                Thread.sleep(10);
            }
        }).titled("Forever").onCancelled(cancelled::countDown).run(executor);
        assertTrue(started.await(5, TimeUnit.SECONDS));
        WaitForAsyncUtils.asyncFx(() -> { task.cancel(); });
        assertTrue(cancelled.await(5, TimeUnit.SECONDS));
        assertEquals(Worker.State.CANCELLED, onFx(task::getState));
        assertTrue(onFx(() -> executor.visibleTasks().isEmpty()));
        assertTrue(sink.isEmpty(), "a cancel is not an error");
    }

    @Test
    void titledTasksEndInTheHistoryWithHowTheyEndedQuietOnesDoNot() throws Exception {
        CountDownLatch done = new CountDownLatch(4);
        Tasks.create(ctx -> 7).andFinally(done::countDown).run(executor);
        Tasks.create(ctx -> {
            Thread.sleep(30);
            return 7;
        }).titled("Counting").announce(n -> n + " counted").attentionWhen(n -> n > 5).andFinally(done::countDown)
                .run(executor);
        Tasks.create(ctx -> {
            throw new IOException("node did not answer");
        }).titled("Asking").onError(e -> { }).andFinally(done::countDown).run(executor);
        Tasks.create(ctx -> 1).titled("Plain").andFinally(done::countDown).run(executor);
        assertTrue(done.await(5, TimeUnit.SECONDS));
        List<TaskOutcome> history = onFx(() -> List.copyOf(executor.history().recent()));
        assertEquals(3, history.size(), "the untitled task is not in the history: " + history);
        TaskOutcome counting = history.stream().filter(o -> o.title().equals("Counting")).findFirst().orElseThrow();
        assertEquals(TaskOutcome.Ending.DONE, counting.ending());
        assertEquals("7 counted", counting.summary());
        assertTrue(counting.announced() && counting.attention());
        assertTrue(counting.took().toMillis() >= 30, counting.took().toString());
        TaskOutcome asking = history.stream().filter(o -> o.title().equals("Asking")).findFirst().orElseThrow();
        assertEquals(TaskOutcome.Ending.FAILED, asking.ending());
        assertEquals("node did not answer", asking.summary(), "a failure keeps its sentence");
        assertTrue(!asking.announced() && asking.attention());
        TaskOutcome plain = history.stream().filter(o -> o.title().equals("Plain")).findFirst().orElseThrow();
        assertEquals("", plain.summary());
        assertTrue(!plain.announced() && !plain.attention());
    }

    @Test
    void theHistoryKeepsTheNewestFirstUpToItsLimit() throws Exception {
        CountDownLatch done = new CountDownLatch(TaskHistory.KEPT + 5);
        for (int i = 0; i < TaskHistory.KEPT + 5; i++) {
            int n = i;
            // one at a time, so they end in order
            Tasks.create(ctx -> n).titled("Task " + n).andFinally(done::countDown).run(single);
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        List<TaskOutcome> history = onFx(() -> List.copyOf(single.history().recent()));
        assertEquals(TaskHistory.KEPT, history.size());
        assertEquals("Task " + (TaskHistory.KEPT + 4), history.getFirst().title());
        assertEquals("Task 5", history.getLast().title());
    }

    @Test
    void progressAndMessagesReachTheTask() throws Exception {
        Task<Integer> task = onFx(() -> Tasks.<Integer>create(ctx -> {
            for (int i = 1; i <= 5; i++) {
                ctx.checkCancelled();
                ctx.progress(i, 5);
                ctx.message("Step " + i + " of 5");
            }
            return 5;
        }).titled("Counting").run(executor));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> task.getState() == Worker.State.SUCCEEDED));
        assertEquals(5, onFx(task::getValue));
        assertEquals(1.0, onFx(task::getProgress));
        assertEquals("Step 5 of 5", onFx(task::getMessage));
        assertEquals("Counting", onFx(task::getTitle));
    }
}
