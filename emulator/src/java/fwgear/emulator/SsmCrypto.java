package fwgear.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SecureString values at rest: AES-256-GCM with a key kept in the data folder ({@code ssm.key},
 * mode 600; a fresh key per in-memory server). The stored form, base64 of nonce and ciphertext, is
 * also what a read without decryption returns, as SSM returns its ciphertext.
 */
final class SsmCrypto {
  private static final int NONCE = 12;
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKeySpec key;

  private SsmCrypto(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  static SsmCrypto open(Optional<Path> dataDir) {
    if (dataDir.isEmpty()) {
      return new SsmCrypto(randomKey());
    }
    Path file = dataDir.get().resolve("ssm.key");
    try {
      if (Files.exists(file) && Files.size(file) > 0) {
        DataFolder.privateFile(file);
        byte[] key = Files.readAllBytes(file);
        if (key.length != 32) {
          throw new IllegalStateException(file + " is not a 32-byte key");
        }
        return new SsmCrypto(key);
      }
      byte[] key = randomKey();
      Files.write(DataFolder.privateFile(file), key);
      return new SsmCrypto(key);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the SSM key " + file, e);
    }
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return key;
  }

  String encrypt(String plaintext) {
    try {
      byte[] nonce = new byte[NONCE];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt a SecureString", e);
    }
  }

  String decrypt(String stored) {
    try {
      byte[] all = Base64.getDecoder().decode(stored);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE));
      return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "a SecureString cannot be decrypted with this data folder's key", e);
    }
  }
}
