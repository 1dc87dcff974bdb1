package org.parley.ui.files;

import org.parley.ui.testing.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.file.FileEnd;
import org.parley.storage.Direction;
import org.parley.storage.Profile;
import org.parley.storage.TransferRecord;
import org.parley.ui.chat.ChatsViewModel;
import org.parley.ui.chat.ConversationViewModel;
import org.parley.ui.chat.MessageItem;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;

/** Transfers in a conversation, with a real encrypted profile: stored ones placed by time, live ones as they come. */
class FileHistoryTest {
    private static final ConversationKey KEY = FilesViewModelTest.KEY;
    private static final String HASH = FilesViewModelTest.HASH;

    @TempDir
    Path dir;
    private Profile profile;
    private FakeParley parley;
    private ManualClock clock;
    private FilesViewModel files;
    private ChatsViewModel chats;

    @BeforeEach
    void setUp() {
        profile = TestProfiles.create(dir);
        parley = new FakeParley(profile);
        clock = new ManualClock(Instant.now());
        files = new FilesViewModel(parley, Async.direct(), TestProfiles.english(), clock, key -> Optional.empty(),
                ConversationKey::peerLabel);
        chats = new ChatsViewModel(parley, Async.direct(), TestProfiles.english(), ConversationKey::peerLabel);
        chats.follow(files);
    }

    @AfterEach
    void tearDown() {
        profile.close();
    }

    private void store(String name, Direction direction, String outcome, Instant ended) {
        profile.transfers().record(new TransferRecord(0, KEY.account(), KEY.peer(), direction, name, 4096, HASH,
                outcome, ended)).join();
    }

    private void messages(int count) {
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            writes.add(profile.history().appendIncoming(KEY.account(), KEY.peer(), "message " + i, "k" + i));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    }

    private static List<String> rows(ConversationViewModel vm) {
        return vm.messages().stream().map(m -> m.transfer().map(t -> "file " + t.name() + ": "
                + t.stateTextProperty().get()).orElse(m.text())).toList();
    }

    @Test
    void storedTransfersAppearAmongTheMessagesByTime() {
        Instant start = Instant.now();
        store("before.pdf", Direction.IN, "done", start.minus(Duration.ofDays(1)));
        messages(2);
        store("after.zip", Direction.OUT, "declined", Instant.now().plus(Duration.ofDays(1)));
        store("same time.txt", Direction.OUT, "done", Instant.now()); // not before the messages: after them
        profile.transfers().record(new TransferRecord(0, KEY.account(), "sip:carol@example.com", Direction.OUT,
                "carol.txt", 1, HASH, "done", start)).join();

        ConversationViewModel vm = chats.open(KEY);

        assertThat(rows(vm)).containsExactly("file before.pdf: Saved", "message 0", "message 1",
                "file same time.txt: Delivered", "file after.zip: The file was declined.")
                .doesNotContain("file carol.txt: Delivered");
        TransferItem past = vm.messages().get(0).transfer().orElseThrow();
        assertThat(past.past()).isTrue();
        assertThat(past.sizeTextProperty().get()).isEqualTo("4.1 kB");
        assertThat(past.sha256Property().get()).isEqualTo(HASH);
        assertThat(past.canOpen().get()).isFalse();
    }

    @Test
    void aStoredTransferOlderThanTheLoadedPageWaitsForThePageThatReachesIt() {
        store("ancient.pdf", Direction.IN, "failed", Instant.now().minus(Duration.ofDays(30)));
        messages(ConversationViewModel.PAGE + 10);

        ConversationViewModel vm = chats.open(KEY);
        assertThat(vm.messages()).hasSize(ConversationViewModel.PAGE).allMatch(m -> m.transfer().isEmpty());

        assertThat(vm.loadOlder()).isEqualTo(11);
        assertThat(rows(vm).get(0)).isEqualTo("file ancient.pdf: Failed");
        assertThat(rows(vm).get(1)).isEqualTo("message 0");
        assertThat(vm.messages()).hasSize(ConversationViewModel.PAGE + 11);
    }

    @Test
    void anOfferAppearsInTheOpenConversationAsItsNewestRow() {
        messages(1);
        ConversationViewModel vm = chats.open(KEY);
        clock.advance(Duration.ofSeconds(5));
        files.onEvent(new ParleyEvent.FileOffered(FilesViewModelTest.offer("")));
        MessageItem last = vm.messages().get(vm.messages().size() - 1);
        assertThat(last.transfer()).isPresent();
        assertThat(last.text()).isEqualTo("report.pdf");
        assertThat(last.id()).isEqualTo(-1);
    }

    @Test
    void aTransferOfThisSessionIsShownOnceWhenItsConversationOpensAgain() {
        ConversationViewModel vm = chats.open(KEY);
        TransferItem item = files.onEvent(new ParleyEvent.FileOffered(FilesViewModelTest.offer(""))).orElseThrow();
        files.accept(item);
        Path saved = dir.resolve("report.pdf");
        files.onEvent(new ParleyEvent.FileEnded(KEY.account(), "t1", KEY.peer(), "report.pdf", false,
                new FileEnd.Done(Optional.of(saved), HASH, 2_500_000)));
        store("report.pdf", Direction.IN, "done", clock.instant()); // what the core keeps
        chats.close(vm);

        ConversationViewModel again = chats.open(KEY);
        assertThat(again.messages()).singleElement().satisfies(row -> {
            assertThat(row.transfer()).containsSame(item);
            assertThat(row.transfer().orElseThrow().saved()).contains(saved);
        });
    }

    @Test
    void sendingFromTheConversationAddsOurRowAndARefusalGoesToItsErrorLine() throws Exception {
        ConversationViewModel vm = chats.open(KEY);
        Path ok = java.nio.file.Files.writeString(dir.resolve("ok.txt"), "hello");
        vm.sendFiles(List.of(ok));
        assertThat(rows(vm)).containsExactly("file ok.txt: Waiting for bob@example.com to accept…");

        parley.sendFileAnswer = f -> CompletableFuture.failedFuture(new IllegalArgumentException(
                "The file " + f.getFileName() + " cannot be read."));
        vm.sendFiles(List.of(dir.resolve("missing.txt")));
        assertThat(vm.errorProperty().get()).isEqualTo("The file missing.txt cannot be read.");
        assertThat(rows(vm)).containsExactly("file ok.txt: Waiting for bob@example.com to accept…");
    }
}
