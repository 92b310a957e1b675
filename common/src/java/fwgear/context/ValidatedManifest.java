package fwgear.context;

import fwgear.json.LocatedDocument;
import fwgear.manifest.JsonSchemas;
import fwgear.manifest.Manifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * The manifest a gear starts with, trusted when it is the one its image was built with.
 *
 * <p>Checking a manifest against the spec's schema is the schema library's work, about 50 ms of a
 * gear's start (its set-up, then the pass over the manifest), for a manifest that cannot have
 * changed since the image was built. So the image build records it: the jar's preamble, asked for a
 * start-up archive ({@code FWGEAR_CDS_DUMP=1}), first runs the gear with {@value #RECORD} set,
 * which checks the manifest in full and, when the schema finds nothing, writes a copy of its bytes
 * to that file ({@code /bin/run.manifest}). Every later start gets {@value #VALIDATED} naming the
 * copy: a manifest with the same bytes skips the schema pass and gets every other check (keys given
 * twice, defaults against their directives, the warnings), so its problems are the same; any other
 * manifest (edited, or rewritten by a site) is checked in full, as without a copy.
 */
final class ValidatedManifest {
  /** The system property naming the copy of the manifest the image was built with. */
  static final String VALIDATED = "fwgear.validated-manifest";

  /** The system property naming where to record the manifest, when its schema finds nothing. */
  static final String RECORD = "fwgear.record-manifest";

  private ValidatedManifest() {}

  /** The manifest at {@code file}, checked in full unless it is the recorded copy. */
  static Manifest load(Path file) {
    String validated = System.getProperty(VALIDATED);
    if (validated != null && sameBytes(file, Path.of(validated))) {
      return Manifest.fromSchemaChecked(LocatedDocument.readJson(file, file.toString()));
    }
    Manifest manifest = Manifest.load(file);
    String record = System.getProperty(RECORD);
    if (record != null && JsonSchemas.manifestFindings(manifest.document().root()).isEmpty()) {
      copy(file, Path.of(record));
    }
    return manifest;
  }

  private static boolean sameBytes(Path file, Path copy) {
    try {
      return Files.isRegularFile(copy)
          && Files.size(copy) == Files.size(file)
          && Arrays.equals(Files.readAllBytes(copy), Files.readAllBytes(file));
    } catch (IOException e) {
      return false; // unreadable: checked in full (Manifest.load says what is wrong with the file)
    }
  }

  private static void copy(Path file, Path record) {
    try {
      Path temp = Files.createTempFile(record.toAbsolutePath().getParent(), ".manifest", ".tmp");
      Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
      // Read by whichever user the gear runs as; a manifest holds no secret.
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      Files.move(temp, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the manifest at " + record, e);
    }
  }
}
