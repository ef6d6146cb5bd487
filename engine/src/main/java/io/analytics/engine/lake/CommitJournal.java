package io.analytics.engine.lake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a commit is about to do, written (and forced to disk) into its staging folder before the
 * first rename. A commit interrupted by a crash is rolled forward from it, so a batch ends up
 * either not visible at all (no journal yet) or visible completely.
 *
 * @param kind {@code append} (files renamed into datasets) or {@code replace} (a whole dataset folder swapped)
 * @param moves for append: staged file and its final place, absolute paths
 * @param ledgerDataset for append: the dataset folder whose ledger records the batch, or null
 * @param ledgerEntry the ledger line to add once the files are in place, or null
 * @param replaceStaged for replace: the staged dataset folder
 * @param replaceTarget for replace: the dataset folder it replaces
 * @param replaceTrash for replace: where the old folder goes until it is deleted
 */
public record CommitJournal(
    String kind,
    List<Move> moves,
    String ledgerDataset,
    LedgerEntry ledgerEntry,
    String replaceStaged,
    String replaceTarget,
    String replaceTrash) {
  public static final String FILE_NAME = "_commit.json";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** A rename from the staging area into a dataset. */
  public record Move(String from, String to) {
    @JsonCreator
    public Move(@JsonProperty("from") String from, @JsonProperty("to") String to) {
      this.from = from;
      this.to = to;
    }
  }

  @JsonCreator
  public CommitJournal(
      @JsonProperty("kind") String kind,
      @JsonProperty("moves") List<Move> moves,
      @JsonProperty("ledgerDataset") String ledgerDataset,
      @JsonProperty("ledgerEntry") LedgerEntry ledgerEntry,
      @JsonProperty("replaceStaged") String replaceStaged,
      @JsonProperty("replaceTarget") String replaceTarget,
      @JsonProperty("replaceTrash") String replaceTrash) {
    this.kind = kind;
    this.moves = moves == null ? List.of() : List.copyOf(moves);
    this.ledgerDataset = ledgerDataset;
    this.ledgerEntry = ledgerEntry;
    this.replaceStaged = replaceStaged;
    this.replaceTarget = replaceTarget;
    this.replaceTrash = replaceTrash;
  }

  public static CommitJournal append(List<Move> moves, Path ledgerDataset, LedgerEntry entry) {
    return new CommitJournal(
        "append", moves, ledgerDataset == null ? null : ledgerDataset.toString(), entry, null, null, null);
  }

  public static CommitJournal replace(Path staged, Path target, Path trash, LedgerEntry entry) {
    return new CommitJournal(
        "replace", List.of(), target.toString(), entry, staged.toString(), target.toString(), trash.toString());
  }

  public boolean isReplace() {
    return "replace".equals(kind);
  }

  /** Writes the journal into the staging folder, durably. */
  public void writeTo(Path stagingDirectory) {
    try {
      DurableFiles.writeAtomically(stagingDirectory.resolve(FILE_NAME), MAPPER.writeValueAsString(this));
    } catch (JsonProcessingException e) {
      throw new PlatformException(SqlState.INTERNAL_ERROR, "cannot encode commit journal: " + e.getMessage(), e);
    }
  }

  /** The journal of a staging folder, if its commit had begun. */
  public static Optional<CommitJournal> readFrom(Path stagingDirectory) {
    Path file = stagingDirectory.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), CommitJournal.class));
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot read commit journal " + file + ": " + e.getMessage(), e);
    }
  }
}
