package fwgear.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data folder holds API key hashes, SSM values and the SSM encryption key: it is created 700
 * and its files 600 (on file systems without POSIX modes, as the system makes them).
 */
final class DataFolder {
  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private DataFolder() {}

  static void create(Path dir) {
    try {
      Files.createDirectories(dir);
      setMode(dir, FOLDER);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data folder " + dir, e);
    }
  }

  /** The file, created empty with mode 600 when missing, its mode set to 600 when it exists. */
  static Path privateFile(Path file) {
    try {
      try {
        if (supportsPosix(file.getParent())) {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } else {
          Files.createFile(file);
        }
      } catch (FileAlreadyExistsException e) {
        setMode(file, FILE);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    }
  }

  private static void setMode(Path path, Set<PosixFilePermission> mode) throws IOException {
    if (supportsPosix(path)) {
      Files.setPosixFilePermissions(path, mode);
    }
  }

  private static boolean supportsPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
