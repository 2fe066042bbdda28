package kz.emtihan.media.vision;

/**
 * One detected face, in pixel coordinates of the original (decoded) image.
 *
 * @param x          left edge, pixels (may be slightly negative or past the edge for faces cut by the border)
 * @param y          top edge, pixels
 * @param width      width, pixels
 * @param height     height, pixels
 * @param confidence detector score in [0,1] for YuNet; {@link Double#NaN} when the detector gives
 *                   no score (the Haar fallback)
 */
public record FaceBox(int x, int y, int width, int height, double confidence) {}
