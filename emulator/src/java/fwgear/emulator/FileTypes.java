package fwgear.emulator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What Flywheel derives from an uploaded file: its type from the name's extension (the longest
 * matching one wins; Flywheel's table makes {@code .json}, {@code .yaml}, {@code .py} "source
 * code", which rules on {@code file.type} see), its mimetype from the name, and its hash, {@code
 * v0-sha384-<96 hex digits>}.
 */
final class FileTypes {
  private static final Map<String, String> TYPES = new LinkedHashMap<>();
  private static final Map<String, String> MIMETYPES = new LinkedHashMap<>();

  static {
    for (String ext : new String[] {".csv", ".tsv", ".csv.gz", ".tsv.gz"}) {
      TYPES.put(ext, "tabular data");
    }
    TYPES.put(".txt", "text");
    for (String ext :
        new String[] {
          ".json", ".py", ".yaml", ".yml", ".sh", ".toml", ".js", ".java", ".m", ".r"
        }) {
      TYPES.put(ext, "source code");
    }
    TYPES.put(".nii", "nifti");
    TYPES.put(".nii.gz", "nifti");
    TYPES.put(".dcm", "dicom");
    TYPES.put(".dcm.zip", "dicom");
    TYPES.put(".dicom.zip", "dicom");
    TYPES.put(".zip", "archive");
    TYPES.put(".tar.gz", "archive");
    TYPES.put(".tgz", "archive");
    TYPES.put(".pdf", "pdf");
    TYPES.put(".md", "markdown");
    TYPES.put(".log", "log");
    TYPES.put(".html", "html");
    TYPES.put(".png", "image");
    TYPES.put(".jpg", "image");
    MIMETYPES.put(".json", "application/json");
    MIMETYPES.put(".csv", "text/csv");
    MIMETYPES.put(".tsv", "text/tab-separated-values");
    MIMETYPES.put(".txt", "text/plain");
    MIMETYPES.put(".yaml", "application/x-yaml");
    MIMETYPES.put(".yml", "application/x-yaml");
    MIMETYPES.put(".md", "text/markdown");
    MIMETYPES.put(".html", "text/html");
    MIMETYPES.put(".pdf", "application/pdf");
    MIMETYPES.put(".zip", "application/zip");
    MIMETYPES.put(".gz", "application/gzip");
    MIMETYPES.put(".png", "image/png");
    MIMETYPES.put(".jpg", "image/jpeg");
  }

  private FileTypes() {}

  /** The file type Flywheel gives a name, or null when no extension of its table matches. */
  static String type(String name) {
    return longest(TYPES, name);
  }

  /** The mimetype guessed from the name, {@code application/octet-stream} when unknown. */
  static String mimetype(String name) {
    String type = longest(MIMETYPES, name);
    return type == null ? "application/octet-stream" : type;
  }

  private static String longest(Map<String, String> table, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String best = null;
    int length = 0;
    for (Map.Entry<String, String> entry : table.entrySet()) {
      if (lower.endsWith(entry.getKey()) && entry.getKey().length() > length) {
        best = entry.getValue();
        length = entry.getKey().length();
      }
    }
    return best;
  }

  /** Flywheel's hash of the bytes, as the client computes it: {@code v0-sha384-<hex>}. */
  static String hash(byte[] content) {
    return fwgear.flywheel.FlywheelClient.hash(content);
  }
}
