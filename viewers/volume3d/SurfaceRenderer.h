#pragma once
/// The 3D view's renderer (VTK, off screen): smoothed surfaces of tumor masks and the image as
/// three orthogonal slice planes through the cursor, in LPS millimetres, rendered to a QImage.
/// Needs an X display (Debian's VTK renders through GLX; Xvfb on servers).
#include <QColor>
#include <QImage>
#include <QString>

#include <memory>

#include "slice/SliceRenderer.h"
#include "tiss/io/volume.h"

namespace tiss::viewers {

/// A mask's smoothed surface, built off the UI thread (buildSurface) and shown on it (addSurface).
struct SurfaceMeshData;
using SurfaceMesh = std::shared_ptr<const SurfaceMeshData>;

class SurfaceRenderer {
 public:
  /// The smoothed (windowed sinc) surface of `mask` (voxels > 0.5), with normals; null for an
  /// empty mask. Touches no renderer: safe on a worker thread (a BraTS case takes seconds).
  static SurfaceMesh buildSurface(const Volume& mask);
  /// Triangles of a built surface (0 for null).
  static long triangles(const SurfaceMesh& mesh);

  SurfaceRenderer();
  ~SurfaceRenderer();
  SurfaceRenderer(const SurfaceRenderer&) = delete;
  SurfaceRenderer& operator=(const SurfaceRenderer&) = delete;

  /// The image shown on the slice planes, through `wl` in grey.
  void setImage(const Volume& image, const WindowLevel& wl);
  /// Adds the surface of `mask` (voxels > 0.5), smoothed (windowed sinc), in `colour`.
  /// Returns its triangle count (0 for an empty mask, which adds nothing).
  long addSurface(const QString& name, const Volume& mask, const QColor& colour, double opacity = 1.0);
  /// Shows a surface built by buildSurface; returns its triangle count (null adds nothing).
  long addSurface(const QString& name, const SurfaceMesh& mesh, const QColor& colour, double opacity = 1.0);
  void clearSurfaces();
  /// Moves the three slice planes to the voxel `cursor`.
  void setCursor(const Index3& cursor);
  void setSlicePlanesVisible(bool visible);
  /// Turns the camera about the focal point (degrees).
  void rotate(double azimuth, double elevation);
  /// > 1 moves closer.
  void zoom(double factor);
  /// Front view (from anterior, superior up) of everything, slightly from the right and above.
  void resetCamera();
  QImage render(const QSize& size);

 private:
  struct Impl;
  std::unique_ptr<Impl> d_;
};

}  // namespace tiss::viewers
