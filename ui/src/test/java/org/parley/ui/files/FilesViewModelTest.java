package org.parley.ui.files;

import org.parley.ui.testing.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.app.ParleyEvent;
import org.parley.app.file.FileEnd;
import org.parley.app.file.FileOffer;
import org.parley.storage.Profile;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;

class FilesViewModelTest {
    static final ConversationKey KEY = new ConversationKey(TestProfiles.ALICE, TestProfiles.BOB);
    static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    Path dir;
    private Profile profile;
    private FakeParley parley;
    private ManualClock clock;
    private FilesViewModel files;
    private final Map<ConversationKey, String> contactNames = new java.util.HashMap<>();

    @BeforeEach
    void setUp() {
        profile = TestProfiles.create(dir);
        parley = new FakeParley(profile);
        clock = new ManualClock(Instant.parse("2026-11-26T10:00:00Z"));
        files = new FilesViewModel(parley, Async.direct(), TestProfiles.english(), clock,
                key -> Optional.ofNullable(contactNames.get(key)),
                key -> Optional.ofNullable(contactNames.get(key)).orElse(key.peerLabel()));
    }

    @AfterEach
    void tearDown() {
        profile.close();
    }

    static FileOffer offer(String displayName) {
        return new FileOffer(KEY.account(), "t1", KEY.peer(), displayName, "report.pdf", 2_500_000,
                "application/pdf", HASH);
    }

    private TransferItem offered(String displayName) {
        return files.onEvent(new ParleyEvent.FileOffered(offer(displayName))).orElseThrow();
    }

    private TransferItem sent(String name) throws Exception {
        Path file = Files.write(dir.resolve(name), new byte[1234]);
        files.send(KEY, file, sentence -> { throw new AssertionError(sentence); });
        return files.transfers().get(files.transfers().size() - 1);
    }

    private void end(String id, boolean outgoing, FileEnd end) {
        files.onEvent(new ParleyEvent.FileEnded(KEY.account(), id, KEY.peer(), "report.pdf", outgoing, end));
    }

    @Test
    void anOfferBecomesAnIncomingRowWithNameSizeTypeSenderAndHash() {
        contactNames.put(KEY, "Bob Builder");
        TransferItem item = offered("Bob Builder");

        assertThat(files.of(KEY)).containsExactly(item);
        assertThat(item.outgoing()).isFalse();
        assertThat(item.name()).isEqualTo("report.pdf");
        assertThat(item.sizeTextProperty().get()).isEqualTo("2.5 MB");
        assertThat(item.type()).isEqualTo("application/pdf");
        assertThat(item.sender()).isEqualTo("Bob Builder");
        assertThat(item.sha256Property().get()).isEqualTo(HASH);
        assertThat(item.phaseProperty().get()).isEqualTo(TransferPhase.OFFERED);
        assertThat(item.stateTextProperty().get()).isEqualTo("Bob Builder wants to send you this file.");
        assertThat(item.canAccept().get()).isTrue();
        assertThat(item.canCancel().get()).isFalse();
        assertThat(item.warning()).isEmpty();
    }

    @Test
    void aClaimedNameThatDisagreesWithTheContactListIsAWarning() {
        contactNames.put(KEY, "Bob Builder");
        assertThat(offered("IT Support").warning())
                .isEqualTo("The sender calls itself “IT Support” but your contact list names this address “Bob Builder”.");
    }

    @Test
    void aSenderOutsideTheContactListIsAWarningAndShownByTheirClaim() {
        TransferItem item = offered("Mallory");
        assertThat(item.sender()).isEqualTo("Mallory");
        assertThat(item.warning()).isEqualTo(
                "This address is not in your contact list; the name “Mallory” is the sender’s own claim.");
    }

    @Test
    void acceptWithoutAFolderLetsTheCoreUseTheDownloadsFolder() {
        TransferItem item = offered("");
        files.accept(item);
        assertThat(parley.filesAccepted).containsExactly("t1");
        assertThat(item.phaseProperty().get()).isEqualTo(TransferPhase.WAITING);
        assertThat(item.stateTextProperty().get()).isEqualTo("Accepted; waiting for the data…");
        assertThat(item.canAccept().get()).isFalse();
        assertThat(item.canCancel().get()).isTrue();
    }

    @Test
    void saveAsAcceptsIntoTheChosenFolder() {
        TransferItem item = offered("");
        files.acceptInto(item, dir.resolve("chosen"));
        files.accept(item); // a second click does nothing
        assertThat(parley.filesAccepted).containsExactly("t1:" + dir.resolve("chosen"));
    }

    @Test
    void declineCancelsTheOfferAndTheEndSaysSo() {
        TransferItem item = offered("");
        files.decline(item);
        assertThat(parley.filesCancelled).containsExactly("t1");
        assertThat(item.canAccept().get()).isFalse();

        end("t1", false, new FileEnd.Declined());
        assertThat(item.phaseProperty().get()).isEqualTo(TransferPhase.ENDED);
        assertThat(item.stateTextProperty().get()).isEqualTo("You declined the file.");
    }

    @Test
    void aBrokenIncomingTransferOffersResumeAndGoesOnUnderTheNewId() {
        TransferItem item = offered("");
        files.accept(item);
        files.onEvent(new ParleyEvent.FileProgress(KEY.account(), "t1", 1_000_000, 2_500_000));
        end("t1", false, new FileEnd.Interrupted(1_000_000, 2_500_000));
        assertThat(item.stateTextProperty().get()).contains("connection broke").contains("resume");
        assertThat(item.canResume().get()).isTrue();
        assertThat(item.canCancel().get()).isFalse();

        files.resume(item);

        assertThat(parley.filesResumed).containsExactly("t1");
        assertThat(item.transferIdProperty().get()).isEqualTo("resumed-1");
        assertThat(item.canResume().get()).isFalse();
        assertThat(item.canCancel().get()).isTrue();
        files.onEvent(new ParleyEvent.FileProgress(KEY.account(), "resumed-1", 2_500_000, 2_500_000));
        end("resumed-1", false, new FileEnd.Done(java.util.Optional.of(dir.resolve("report.pdf")), HASH, 2_500_000));
        assertThat(item.stateTextProperty().get()).isEqualTo("Saved");
        assertThat(files.transfers()).containsExactly(item);
    }

    @Test
    void theSendersRowFollowsTheResumptionTheReceiverAskedFor() throws Exception {
        TransferItem item = sent("big.bin");
        String first = item.transferIdProperty().get();
        end(first, true, new FileEnd.Interrupted(100, 1234));
        assertThat(item.canResume().get()).as("only the receiver resumes").isFalse();

        files.onEvent(new ParleyEvent.FileResumed(KEY.account(), "t77", first, KEY.peer(), "big.bin", true, 100));
        files.onEvent(new ParleyEvent.FileProgress(KEY.account(), "t77", 1234, 1234));
        end("t77", true, new FileEnd.Done(java.util.Optional.empty(), HASH, 1134));

        assertThat(item.transferIdProperty().get()).isEqualTo("t77");
        assertThat(item.stateTextProperty().get()).isEqualTo("Delivered");
    }

    @Test
    void cancelStopsATransferUnderWay() {
        TransferItem item = offered("");
        files.accept(item);
        files.onEvent(new ParleyEvent.FileProgress(KEY.account(), "t1", 1000, 2_500_000));
        files.cancel(item);
        files.cancel(item);
        assertThat(parley.filesCancelled).containsExactly("t1");
        end("t1", false, new FileEnd.Cancelled(false));
        assertThat(item.stateTextProperty().get()).isEqualTo("You cancelled the transfer.");
        assertThat(item.canCancel().get()).isFalse();
    }

    @Test
    void sendingShowsOurRowAtOnceAndThenWaitsForThePeer() throws Exception {
        TransferItem item = sent("notes.txt");
        assertThat(parley.filesSent).containsExactly(KEY.account() + "->" + KEY.peer() + ":" + dir.resolve("notes.txt"));
        assertThat(item.outgoing()).isTrue();
        assertThat(item.name()).isEqualTo("notes.txt");
        assertThat(item.sizeTextProperty().get()).isEqualTo("1.2 kB");
        assertThat(item.transferIdProperty().get()).isEqualTo("transfer-1");
        assertThat(item.stateTextProperty().get()).isEqualTo("Waiting for bob@example.com to accept…");
        assertThat(item.canCancel().get()).isTrue();
    }

    @Test
    void aFileTheCoreRefusesLeavesNoRowAndOneSentence() throws Exception {
        parley.sendFileAnswer = f -> CompletableFuture.failedFuture(
                new IllegalArgumentException("Files of type .exe are not allowed here."));
        List<String> sentences = new ArrayList<>();
        files.send(KEY, dir.resolve("setup.exe"), sentences::add);
        assertThat(sentences).containsExactly("Files of type .exe are not allowed here.");
        assertThat(files.transfers()).isEmpty();
    }

    @Test
    void oursCancelledWhilePreparingIsCancelledOnceTheCoreNamesIt() throws Exception {
        CompletableFuture<String> id = new CompletableFuture<>();
        parley.sendFileAnswer = f -> id;
        TransferItem item = sent("big.iso");
        assertThat(item.stateTextProperty().get()).isEqualTo("Preparing (computing the checksum)…");
        files.cancel(item);
        assertThat(parley.filesCancelled).isEmpty();

        id.complete("t9");
        assertThat(parley.filesCancelled).containsExactly("t9");
    }

    @Test
    void eventsForOurTransferThatComeBeforeItsIdAreApplied() throws Exception {
        CompletableFuture<String> id = new CompletableFuture<>();
        parley.sendFileAnswer = f -> id;
        TransferItem item = sent("fast.txt");
        files.onEvent(new ParleyEvent.FileProgress(KEY.account(), "t9", 1234, 1234));
        end("t9", true, new FileEnd.Done(Optional.empty(), HASH, 1234));
        assertThat(item.phaseProperty().get()).isEqualTo(TransferPhase.PREPARING);

        id.complete("t9");
        assertThat(item.stateTextProperty().get()).isEqualTo("Delivered");
        assertThat(item.sha256Property().get()).isEqualTo(HASH);
        assertThat(files.transfers()).containsExactly(item);
    }

    @Test
    void progressShowsBytesOfTotalAndTheSpeedOverTheLastReports() {
        TransferItem item = offered("");
        files.accept(item);
        long total = 10_000_000;
        files.onEvent(new ParleyEvent.FileProgress(KEY.account(), "t1", 0, total));
        assertThat(item.phaseProperty().get()).isEqualTo(TransferPhase.RUNNING);
        assertThat(item.stateTextProperty().get()).isEqualTo("Receiving…");
        assertThat(item.speedTextProperty().get()).isEmpty();
        // 200 kB every 200 ms: 1 MB/s
        for (int i = 1; i <= 4; i++) {
            clock.advance(Duration.ofMillis(200));
            files.onEvent(new ParleyEvent.FileProgress(KEY.account(), "t1", i * 200_000L, total));
        }
        assertThat(item.speedTextProperty().get()).isEqualTo("1.0 MB/s");
        assertThat(item.progressTextProperty().get()).isEqualTo("800 kB of 10.0 MB");
        assertThat(item.progressProperty().get()).isEqualTo(0.08);
        // then 1 MB every 200 ms: once the slow reports leave the window of five, 5 MB/s
        long bytes = 800_000;
        for (int i = 0; i < SpeedMeter.SAMPLES - 1; i++) {
            clock.advance(Duration.ofMillis(200));
            bytes += 1_000_000;
            files.onEvent(new ParleyEvent.FileProgress(KEY.account(), "t1", bytes, total));
        }
        assertThat(item.speedTextProperty().get()).isEqualTo("5.0 MB/s");
    }

    @Test
    void everyByteReceivedMeansTheFileIsBeingChecked() {
        TransferItem item = offered("");
        files.accept(item);
        files.onEvent(new ParleyEvent.FileProgress(KEY.account(), "t1", 2_500_000, 2_500_000));
        assertThat(item.stateTextProperty().get()).isEqualTo("Checking the file…");
        assertThat(item.progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void aSavedFileCanBeOpenedAndItsEndClearsTheSpeed() {
        TransferItem item = offered("");
        files.accept(item);
        Path saved = dir.resolve("Downloads/report.pdf");
        end("t1", false, new FileEnd.Done(Optional.of(saved), HASH, 2_500_000));
        assertThat(item.stateTextProperty().get()).isEqualTo("Saved");
        assertThat(item.saved()).contains(saved);
        assertThat(item.canOpen().get()).isTrue();
        assertThat(item.speedTextProperty().get()).isEmpty();
        assertThat(item.outcomeProperty().get()).isEqualTo("done");
    }

    @Test
    void aQuarantinedFileIsAWarningAndCannotBeOpened() {
        TransferItem item = offered("");
        files.accept(item);
        end("t1", false, new FileEnd.Quarantined(dir.resolve("quarantine/report.pdf")));
        assertThat(item.stateTextProperty().get()).isEqualTo("The virus scan flagged this file; it was quarantined.");
        assertThat(item.quarantined().get()).isTrue();
        assertThat(item.canOpen().get()).isFalse();
    }

    static Stream<Arguments> ends() {
        return Stream.of(
                Arguments.of(true, new FileEnd.Done(Optional.empty(), HASH, 1), "Delivered"),
                Arguments.of(true, new FileEnd.Declined(), "The file was declined."),
                Arguments.of(true, new FileEnd.Cancelled(true), "The other side cancelled the transfer."),
                Arguments.of(true, new FileEnd.Cancelled(false), "You cancelled the transfer."),
                Arguments.of(true, new FileEnd.Refused("blocked extension .exe"),
                        "Not allowed by policy: blocked extension .exe."),
                Arguments.of(true, new FileEnd.Quarantined(Path.of("q")),
                        "The receiver’s virus scan flagged the file; it was quarantined."),
                Arguments.of(true, new FileEnd.Failed("The connection broke."), "Failed: The connection broke."),
                Arguments.of(false, new FileEnd.Cancelled(true), "The other side cancelled the transfer."),
                Arguments.of(false, new FileEnd.Failed("The file did not match its hash."),
                        "Failed: The file did not match its hash."));
    }

    @ParameterizedTest
    @MethodSource("ends")
    void eachEndHasItsSentenceAndNoActions(boolean outgoing, FileEnd fileEnd, String sentence) throws Exception {
        TransferItem item;
        if (outgoing) {
            item = sent("x.bin");
            end("transfer-1", true, fileEnd);
        } else {
            item = offered("");
            files.accept(item);
            end("t1", false, fileEnd);
        }
        assertThat(item.stateTextProperty().get()).isEqualTo(sentence);
        assertThat(item.outcomeProperty().get()).isEqualTo(fileEnd.code());
        assertThat(item.canCancel().get()).isFalse();
        assertThat(item.canAccept().get()).isFalse();
        assertThat(item.canOpen().get()).isFalse();
    }

    @Test
    void anOfferThePolicyRefusedBeforeAskingStillShowsARow() {
        files.onEvent(new ParleyEvent.FileEnded(KEY.account(), "t5", KEY.peer(), "setup.exe", false,
                new FileEnd.Refused("blocked extension .exe")));
        assertThat(files.of(KEY)).singleElement().satisfies(item -> {
            assertThat(item.name()).isEqualTo("setup.exe");
            assertThat(item.outgoing()).isFalse();
            assertThat(item.stateTextProperty().get()).isEqualTo("Not allowed by policy: blocked extension .exe.");
        });
    }
}
