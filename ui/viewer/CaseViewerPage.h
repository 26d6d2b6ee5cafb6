#pragma once
/// A case in the slice viewers: layout preset, axis, panel images, result folders and figure
/// export above a ComparisonView. Binds to a CaseViewerModel.
#include <QWidget>

#include <memory>
#include <utility>
#include <vector>

#include "tiss/io/volume.h"
#include "volume3d/SurfaceRenderer.h"

class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;

class QSplitter;

namespace tiss::viewers {
class ComparisonView;
class VolumeView3D;
}

namespace tiss::ui {

class CaseViewerModel;
class OverlayPanel;

class CaseViewerPage : public QWidget {
  Q_OBJECT
 public:
  CaseViewerPage(CaseViewerModel* model, QWidget* parent = nullptr);
  CaseViewerModel* model() const { return model_; }
  viewers::ComparisonView* view() const { return view_; }
  QString caseId() const;
  /// Shows or hides the 3D view beside the slices (VTK; needs an X display).
  void setView3DVisible(bool visible);
  viewers::VolumeView3D* view3D() const { return view3d_; }
  /// True while the 3D view's surfaces are being built on a worker thread.
  bool surfacesPending() const { return surfacesPending_ > 0; }
  OverlayPanel* overlays() const { return overlays_; }
  /// Writes the current layout as a figure (.png, .svg, .pdf); the error text is empty on success.
  QString exportFigure(const QString& path, double dpi = 300);

 Q_SIGNALS:
  void errorOccurred(const QString& message);
  /// "Run model…" was pressed: the window lets the user pick a run and applies it.
  void applyRequested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void showLayout();
  void rebuildPanelPickers();
  void chooseResults();
  void chooseExport();
  void retranslate();
  void fill3D();
  void showSurfaces(const std::vector<std::pair<QString, std::shared_ptr<const Volume>>>& masks,
                    const std::vector<int>& colours, const std::vector<viewers::SurfaceMesh>& meshes);

  CaseViewerModel* model_;
  viewers::ComparisonView* view_;
  QComboBox *preset_, *axis_, *window_;
  QPushButton *addResults_, *runModel_, *export_, *show3d_, *overlaysButton_;
  OverlayPanel* overlays_;
  QSplitter* split_;
  viewers::VolumeView3D* view3d_ = nullptr;
  QHBoxLayout* pickers_;
  QLabel* status_;
  int surfaceGeneration_ = 0, surfacesPending_ = 0;
};

}  // namespace tiss::ui
