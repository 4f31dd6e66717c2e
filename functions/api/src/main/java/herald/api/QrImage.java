package herald.api;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A code drawn as a QR code (ZXing), black on white, as a PNG of {@code size} pixels a side (larger only when the
 * code needs more modules than that), with a quiet zone of two modules and medium error correction.
 */
final class QrImage {
  static final int MIN_SIZE = 64;
  static final int MAX_SIZE = 1024;
  static final int DEFAULT_SIZE = 256;
  private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.CHARACTER_SET, "UTF-8",
      EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2);

  private QrImage() {}

  static byte[] png(String code, int size) {
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, size, size, HINTS);
    } catch (WriterException e) {
      throw new IllegalStateException("a code of " + code.length() + " characters does not fit a QR code", e);
    }
    BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
    WritableRaster raster = image.getRaster();
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) raster.setSample(x, y, 0, matrix.get(x, y) ? 0 : 1);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
