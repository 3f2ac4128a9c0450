package org.vqasp.world;

import java.util.List;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.Vec3;

/**
 * Recovers the jittered camera of a released CLEVR scene from its objects' {@code pixel_coords}.
 *
 * <p>The released scene files do not record the camera, but every object's {@code pixel_coords} is the
 * projection of its {@code 3d_coords} by that camera: image x and y rounded to whole pixels, and the depth along
 * the viewing axis unrounded. CLEVR's camera is the rest pose moved by {@code (dx, dy, dz)} and aimed at the
 * origin again, so three unknowns are fitted, by Gauss-Newton from the rest pose, to two pixel residuals and one
 * depth residual per object (the depth residual weighted by {@link #DEPTH_WEIGHT} pixels per Blender unit).
 */
public final class CameraFit {

    /** Pixels one Blender unit of depth error counts for: about the focal length over a typical depth. */
    public static final double DEPTH_WEIGHT = 50.0;

    private static final int ITERATIONS = 30;
    private static final double STEP = 1e-6;

    private CameraFit() {
    }

    /**
     * The fitted camera and how well it reproduces the recorded pixel coordinates.
     *
     * @param camera the camera, at the size of {@code start}
     * @param maxPixelError the largest distance, in pixels, between a recorded and a re-projected image position
     *     (rounding alone gives up to 0.71)
     */
    public record Result(ClevrCamera camera, double maxPixelError) {
    }

    /**
     * Fits the camera to objects that all carry {@code 3d_coords} and {@code pixel_coords}.
     *
     * @param objects at least two objects (three unknowns, three residuals each)
     * @param start the pose to start from and whose size the pixel coordinates refer to (CLEVR: the rest pose at
     *     480x320)
     * @return the camera and its largest pixel error
     * @throws IllegalArgumentException when an object lacks coordinates or there are fewer than two objects
     */
    public static Result fit(List<ClevrObject> objects, ClevrCamera start) {
        if (objects.size() < 2) {
            throw new IllegalArgumentException("a camera fit needs at least 2 objects, has " + objects.size());
        }
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i).coords() == null || objects.get(i).pixelCoords() == null) {
                throw new IllegalArgumentException("object " + i + " lacks 3d_coords or pixel_coords");
            }
        }
        double[] t = new double[3];
        for (int it = 0; it < ITERATIONS; it++) {
            double[] r0 = residuals(objects, start, t);
            double[][] jac = new double[r0.length][3];
            for (int k = 0; k < 3; k++) {
                double[] tk = t.clone();
                tk[k] += STEP;
                double[] rk = residuals(objects, start, tk);
                for (int m = 0; m < r0.length; m++) {
                    jac[m][k] = (rk[m] - r0[m]) / STEP;
                }
            }
            double[] delta = solveNormal(jac, r0);
            if (delta == null) {
                break;
            }
            double norm = 0;
            for (int k = 0; k < 3; k++) {
                t[k] -= delta[k];
                norm += delta[k] * delta[k];
            }
            if (norm < 1e-18) {
                break;
            }
        }
        ClevrCamera camera = start.moved(t[0], t[1], t[2]);
        double max = 0;
        for (ClevrObject o : objects) {
            Vec3 p = camera.project(o.coords());
            max = Math.max(max, Math.hypot(p.x() - o.pixelCoords().x(), p.y() - o.pixelCoords().y()));
        }
        return new Result(camera, max);
    }

    private static double[] residuals(List<ClevrObject> objects, ClevrCamera start, double[] t) {
        ClevrCamera cam = start.moved(t[0], t[1], t[2]);
        double[] r = new double[3 * objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            ClevrObject o = objects.get(i);
            Vec3 p = cam.project(o.coords());
            r[3 * i] = p.x() - o.pixelCoords().x();
            r[3 * i + 1] = p.y() - o.pixelCoords().y();
            r[3 * i + 2] = DEPTH_WEIGHT * (p.z() - o.pixelCoords().z());
        }
        return r;
    }

    /** Solves {@code (J^T J) d = J^T r} by Cramer's rule; null when singular. */
    private static double[] solveNormal(double[][] j, double[] r) {
        double[][] a = new double[3][3];
        double[] b = new double[3];
        for (int m = 0; m < r.length; m++) {
            for (int p = 0; p < 3; p++) {
                b[p] += j[m][p] * r[m];
                for (int q = 0; q < 3; q++) {
                    a[p][q] += j[m][p] * j[m][q];
                }
            }
        }
        double det = det3(a);
        if (!(Math.abs(det) > 1e-12)) {
            return null;
        }
        double[] x = new double[3];
        for (int k = 0; k < 3; k++) {
            double[][] ak = new double[3][];
            for (int p = 0; p < 3; p++) {
                ak[p] = a[p].clone();
                ak[p][k] = b[p];
            }
            x[k] = det3(ak) / det;
        }
        return x;
    }

    private static double det3(double[][] a) {
        return a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
    }
}
