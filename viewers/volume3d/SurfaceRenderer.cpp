#include "volume3d/SurfaceRenderer.h"

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkFlyingEdges3D.h>
#include <vtkFloatArray.h>
#include <vtkImageActor.h>
#include <vtkImageData.h>
#include <vtkImageMapToColors.h>
#include <vtkImageMapper3D.h>
#include <vtkLookupTable.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkPolyDataNormals.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkUnsignedCharArray.h>
#include <vtkWindowToImageFilter.h>
#include <vtkWindowedSincPolyDataFilter.h>

#include <cstring>
#include <map>

namespace tiss::viewers {
namespace {

// Voxels as VTK image data in LPS mm (volumes are reoriented, so the direction is identity).
vtkSmartPointer<vtkImageData> toVtk(const Volume& v) {
  auto img = vtkSmartPointer<vtkImageData>::New();
  img->SetDimensions(int(v.size()[0]), int(v.size()[1]), int(v.size()[2]));
  img->SetSpacing(v.spacing()[0], v.spacing()[1], v.spacing()[2]);
  img->SetOrigin(v.geometry.origin[0], v.geometry.origin[1], v.geometry.origin[2]);
  img->AllocateScalars(VTK_FLOAT, 1);
  std::memcpy(img->GetScalarPointer(), v.voxels.data(), v.voxels.size() * sizeof(float));
  return img;
}

}  // namespace

struct SurfaceRenderer::Impl {
  vtkNew<vtkRenderer> renderer;
  vtkNew<vtkRenderWindow> window;
  vtkNew<vtkLookupTable> grey;
  vtkNew<vtkImageMapToColors> colours;
  vtkSmartPointer<vtkImageData> image;
  vtkSmartPointer<vtkImageActor> planes[3];
  std::map<QString, vtkSmartPointer<vtkActor>> surfaces;
  Index3 cursor{0, 0, 0};
  Size3 size{0, 0, 0};
};

SurfaceRenderer::SurfaceRenderer() : d_(std::make_unique<Impl>()) {
  d_->window->SetOffScreenRendering(1);
  d_->window->AddRenderer(d_->renderer);
  d_->window->SetMultiSamples(0);
  d_->renderer->SetBackground(0.2, 0.22, 0.27);  // slate: black image borders stay visible
  d_->grey->SetSaturationRange(0, 0);
  d_->grey->SetHueRange(0, 0);
  d_->grey->SetValueRange(0, 1);
  d_->grey->Build();
  d_->colours->SetLookupTable(d_->grey);
  // RGB, not RGBA: opaque planes are drawn with the opaque geometry, before the translucent
  // surfaces, so depth sorting stays right.
  d_->colours->SetOutputFormatToRGB();
  for (auto& plane : d_->planes) {
    plane = vtkSmartPointer<vtkImageActor>::New();
    plane->SetVisibility(false);
    d_->renderer->AddActor(plane);
  }
}

SurfaceRenderer::~SurfaceRenderer() = default;

void SurfaceRenderer::setImage(const Volume& image, const WindowLevel& wl) {
  d_->image = toVtk(image);
  d_->size = image.size();
  d_->grey->SetTableRange(wl.level - wl.window / 2, wl.level + wl.window / 2);
  d_->colours->SetInputData(d_->image);
  // Coloured once, then shared as plain data: three actors pulling different extents through
  // one pipeline would fight over its update extent.
  d_->colours->Update();
  for (auto& plane : d_->planes) {
    plane->GetMapper()->SetInputData(d_->colours->GetOutput());
    plane->SetVisibility(true);
  }
  setCursor({image.size()[0] / 2, image.size()[1] / 2, image.size()[2] / 2});
}

struct SurfaceMeshData {
  vtkSmartPointer<vtkPolyData> poly;
};

SurfaceMesh SurfaceRenderer::buildSurface(const Volume& mask) {
  vtkNew<vtkFlyingEdges3D> contour;
  contour->SetInputData(toVtk(mask));
  contour->SetValue(0, 0.5);
  contour->ComputeNormalsOff();
  contour->Update();
  if (contour->GetOutput()->GetNumberOfPolys() == 0) return nullptr;
  // Windowed-sinc smoothing removes the voxel staircase without shrinking the surface.
  vtkNew<vtkWindowedSincPolyDataFilter> smooth;
  smooth->SetInputConnection(contour->GetOutputPort());
  smooth->SetNumberOfIterations(15);
  smooth->SetPassBand(0.1);
  smooth->NormalizeCoordinatesOn();
  smooth->BoundarySmoothingOff();
  vtkNew<vtkPolyDataNormals> normals;
  normals->SetInputConnection(smooth->GetOutputPort());
  normals->Update();
  if (normals->GetOutput()->GetNumberOfPolys() == 0) return nullptr;
  auto mesh = std::make_shared<SurfaceMeshData>();
  mesh->poly = vtkSmartPointer<vtkPolyData>::New();
  mesh->poly->DeepCopy(normals->GetOutput());  // owned by the mesh alone: no pipeline shared across threads
  return mesh;
}

long SurfaceRenderer::triangles(const SurfaceMesh& mesh) { return mesh ? long(mesh->poly->GetNumberOfPolys()) : 0; }

long SurfaceRenderer::addSurface(const QString& name, const Volume& mask, const QColor& colour, double opacity) {
  return addSurface(name, buildSurface(mask), colour, opacity);
}

long SurfaceRenderer::addSurface(const QString& name, const SurfaceMesh& mesh, const QColor& colour, double opacity) {
  const long triangles = SurfaceRenderer::triangles(mesh);
  if (triangles == 0) return 0;
  vtkNew<vtkPolyDataMapper> mapper;
  mapper->SetInputData(mesh->poly);
  mapper->ScalarVisibilityOff();
  auto actor = vtkSmartPointer<vtkActor>::New();
  actor->SetMapper(mapper);
  actor->GetProperty()->SetColor(colour.redF(), colour.greenF(), colour.blueF());
  actor->GetProperty()->SetOpacity(opacity);
  if (auto old = d_->surfaces.find(name); old != d_->surfaces.end()) d_->renderer->RemoveActor(old->second);
  d_->surfaces[name] = actor;
  d_->renderer->AddActor(actor);
  return triangles;
}

void SurfaceRenderer::clearSurfaces() {
  for (auto& [name, actor] : d_->surfaces) d_->renderer->RemoveActor(actor);
  d_->surfaces.clear();
}

void SurfaceRenderer::setCursor(const Index3& c) {
  d_->cursor = c;
  const int nx = int(d_->size[0]) - 1, ny = int(d_->size[1]) - 1, nz = int(d_->size[2]) - 1;
  // Sagittal (x fixed), coronal (y fixed), axial (z fixed).
  d_->planes[0]->SetDisplayExtent(int(c[0]), int(c[0]), 0, ny, 0, nz);
  d_->planes[1]->SetDisplayExtent(0, nx, int(c[1]), int(c[1]), 0, nz);
  d_->planes[2]->SetDisplayExtent(0, nx, 0, ny, int(c[2]), int(c[2]));
}

void SurfaceRenderer::setSlicePlanesVisible(bool visible) {
  for (auto& plane : d_->planes) plane->SetVisibility(visible && d_->image);
}

void SurfaceRenderer::rotate(double azimuth, double elevation) {
  vtkCamera* camera = d_->renderer->GetActiveCamera();
  camera->Azimuth(azimuth);
  camera->Elevation(elevation);
  camera->OrthogonalizeViewUp();
}

void SurfaceRenderer::zoom(double factor) { d_->renderer->GetActiveCamera()->Zoom(factor); }

void SurfaceRenderer::resetCamera() {
  vtkCamera* camera = d_->renderer->GetActiveCamera();
  // LPS: anterior is -y, superior +z. Look at the face, head up.
  camera->SetFocalPoint(0, 0, 0);
  camera->SetPosition(0, -1, 0);
  camera->SetViewUp(0, 0, 1);
  d_->renderer->ResetCamera();
  rotate(-30, 20);
  d_->renderer->ResetCameraClippingRange();
}

QImage SurfaceRenderer::render(const QSize& size) {
  d_->window->SetSize(std::max(1, size.width()), std::max(1, size.height()));
  d_->renderer->ResetCameraClippingRange();
  d_->window->Render();
  vtkNew<vtkWindowToImageFilter> grab;
  grab->SetInput(d_->window);
  grab->SetInputBufferTypeToRGB();
  grab->ReadFrontBufferOff();
  grab->Update();
  vtkImageData* pixels = grab->GetOutput();
  int dims[3];
  pixels->GetDimensions(dims);
  QImage out(dims[0], dims[1], QImage::Format_RGB888);
  const auto* src = static_cast<const unsigned char*>(pixels->GetScalarPointer());
  // VTK's rows start at the bottom.
  for (int y = 0; y < dims[1]; ++y) std::memcpy(out.scanLine(dims[1] - 1 - y), src + size_t(y) * size_t(dims[0]) * 3, size_t(dims[0]) * 3);
  return out;
}

}  // namespace tiss::viewers
