#include "viewer/CaseViewerPage.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QThreadPool>
#include <QSplitter>
#include <QVBoxLayout>

#include "common/ErrorText.h"
#include "export/FigureExport.h"
#include "layout/ComparisonView.h"
#include "viewer/CaseViewerModel.h"
#include "viewer/OverlayPanel.h"
#include "volume3d/VolumeView3D.h"

namespace tiss::ui {

using viewers::LayoutSpec;

CaseViewerPage::CaseViewerPage(CaseViewerModel* model, QWidget* parent)
    : QWidget(parent), model_(model), view_(new viewers::ComparisonView(this)) {
  setObjectName("CaseViewerPage");
  model_->setParent(this);
  preset_ = new QComboBox(this);
  preset_->setObjectName("layoutPreset");
  axis_ = new QComboBox(this);
  axis_->setObjectName("axis");
  window_ = new QComboBox(this);
  window_->setObjectName("windowPreset");
  addResults_ = new QPushButton(this);
  runModel_ = new QPushButton(this);
  runModel_->setObjectName("runModel");
  runModel_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
  export_ = new QPushButton(this);
  export_->setObjectName("exportFigure");
  show3d_ = new QPushButton(this);
  show3d_->setObjectName("show3d");
  show3d_->setCheckable(true);
  overlaysButton_ = new QPushButton(this);
  overlaysButton_->setObjectName("showOverlays");
  overlaysButton_->setCheckable(true);
  split_ = new QSplitter(this);
  split_->addWidget(view_);
  overlays_ = new OverlayPanel(model_, split_);
  overlays_->hide();
  split_->addWidget(overlays_);
  status_ = new QLabel(this);
  auto* bar = new QHBoxLayout;
  bar->addWidget(preset_);
  bar->addWidget(axis_);
  bar->addWidget(window_);
  bar->addWidget(runModel_);
  bar->addWidget(addResults_);
  bar->addWidget(overlaysButton_);
  bar->addStretch(1);
  bar->addWidget(show3d_);
  bar->addWidget(export_);
  pickers_ = new QHBoxLayout;
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(bar);
  // Notices get their own line: beside the buttons they widened the window past 1280 px.
  status_->setWordWrap(true);
  status_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  layout->addWidget(status_);
  layout->addLayout(pickers_);
  layout->addWidget(split_, 1);
  retranslate();
  connect(preset_, qOverload<int>(&QComboBox::activated), this,
          [this](int i) { model_->setPreset(preset_->itemData(i).toString()); });
  connect(axis_, qOverload<int>(&QComboBox::activated), this,
          [this](int i) { model_->setAxis(viewers::SliceAxis(axis_->itemData(i).toInt())); });
  connect(window_, qOverload<int>(&QComboBox::activated), this, [this](int i) {
    view_->applyWindowPreset(viewers::WindowLevel::Preset(window_->itemData(i).toInt()));
  });
  connect(addResults_, &QPushButton::clicked, this, &CaseViewerPage::chooseResults);
  connect(export_, &QPushButton::clicked, this, &CaseViewerPage::chooseExport);
  connect(show3d_, &QPushButton::toggled, this, &CaseViewerPage::setView3DVisible);
  connect(overlaysButton_, &QPushButton::toggled, overlays_, &QWidget::setVisible);
  connect(model_, &CaseViewerModel::layoutChanged, this, &CaseViewerPage::showLayout);
  connect(model_, &CaseViewerModel::failed, this, [this](const QString& message) {
    status_->setText(tr("Could not open the case"));
    Q_EMIT errorOccurred(message);
  });
  connect(runModel_, &QPushButton::clicked, this, [this] { Q_EMIT applyRequested(); });
  // What this case cannot show (no real target, no label) is said where the layouts are.
  connect(model_, &CaseViewerModel::loaded, this, [this] {
    status_->setText(model_->notices().join('\n'));
    status_->setToolTip(status_->text());
  });
  status_->setText(tr("Reading images…"));
  model_->load();
}

QString CaseViewerPage::caseId() const { return model_->caseId(); }

void CaseViewerPage::showLayout() {
  if (!model_->images()) return;
  preset_->setCurrentIndex(preset_->findData(model_->preset()));
  axis_->setCurrentIndex(axis_->findData(int(model_->axis())));
  const bool firstShow = view_->panels().empty();
  view_->display(model_->images(), model_->layout(), model_->axis());
  // Open on the tumor, where there is something to compare.
  if (firstShow)
    if (auto label = model_->images()->get(model_->labelKey())) view_->centreOn(*label);
  rebuildPanelPickers();
  if (view3d_) fill3D();
}

void CaseViewerPage::setView3DVisible(bool visible) {
  show3d_->setChecked(visible);
  if (visible && !view3d_) {
    view3d_ = new viewers::VolumeView3D(view_->cursor(), split_);
    view3d_->setObjectName("view3d");
    split_->addWidget(view3d_);
    // Slices, overlay table (when shown), 3D view.
    split_->setSizes({2 * width() / 3, overlays_->isVisible() ? 260 : 0, width() / 3});
    fill3D();
  }
  if (view3d_) view3d_->setVisible(visible);
}

void CaseViewerPage::fill3D() {
  const auto images = model_->images();
  if (!images || view_->panels().empty()) return;
  auto& r = view3d_->renderer();
  const auto& background = view_->panels().front()->layers().base;
  r.setImage(*background.volume, background.windowLevel);
  r.clearSurfaces();
  r.setCursor(view_->cursor()->cursor());
  r.resetCamera();
  view3d_->refresh();
  // The masks of the mask layout, in its colours: ground truth, coarse, fine. Their surfaces are
  // built on a worker (seconds for a BraTS case): the window never waits for them.
  const LayoutSpec layout = CaseViewerModel::presetLayout("masks", *images, model_->task());
  std::vector<std::pair<QString, std::shared_ptr<const Volume>>> masks;
  std::vector<int> colours;  // 0 ground truth, 1 coarse, 2 fine, as the panels of the mask layout
  const int first = images->get(model_->labelKey()) ? 0 : 1;  // without ground truth the layout starts at y_c
  for (size_t i = 0; i < layout.panels.size() && first + int(i) < 3; ++i) {
    if (layout.panels[i].overlays.empty()) continue;
    const QString key = layout.panels[i].overlays.front().key;
    if (auto v = images->get(key); v && (first + i == 0 || key != model_->labelKey())) {
      masks.push_back({key, v});
      colours.push_back(first + int(i));
    }
  }
  const int generation = ++surfaceGeneration_;
  ++surfacesPending_;
  QPointer<CaseViewerPage> page(this);
  QThreadPool::globalInstance()->start([page, masks, colours, generation] {
    std::vector<viewers::SurfaceMesh> meshes;
    for (const auto& [key, volume] : masks) meshes.push_back(viewers::SurfaceRenderer::buildSurface(*volume));
    if (page) QMetaObject::invokeMethod(page, [page, masks, colours, meshes, generation] {
      if (!page) return;
      --page->surfacesPending_;
      if (generation == page->surfaceGeneration_) page->showSurfaces(masks, colours, meshes);
    }, Qt::QueuedConnection);
  });
}

void CaseViewerPage::showSurfaces(const std::vector<std::pair<QString, std::shared_ptr<const Volume>>>& masks,
                                  const std::vector<int>& colourOf, const std::vector<viewers::SurfaceMesh>& meshes) {
  if (!view3d_) return;
  const QColor colours[] = {viewers::groundTruthColour(), viewers::coarseColour(), viewers::fineColour()};
  const double opacities[] = {0.45, 0.35, 0.8};  // the fine result inside, seen through the others
  for (size_t i = 0; i < masks.size(); ++i) {
    const int c = colourOf[i];
    view3d_->renderer().addSurface(masks[i].first, meshes[i], colours[c], opacities[c]);
  }
  view3d_->renderer().resetCamera();
  view3d_->refresh();
}

void CaseViewerPage::rebuildPanelPickers() {
  while (auto* item = pickers_->takeAt(0)) {
    delete item->widget();
    delete item;
  }
  const auto& panels = model_->layout().panels;
  for (size_t i = 0; i < panels.size(); ++i) {
    auto* pick = new QComboBox(this);
    pick->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);  // long run names never widen the page
    pick->setMinimumContentsLength(6);
    pick->setObjectName(QString("panelImage%1").arg(i));
    pick->addItems(model_->images()->keys());
    pick->setCurrentText(panels[i].base);
    pick->setToolTip(tr("Image shown in panel %1").arg(i + 1));
    connect(pick, qOverload<int>(&QComboBox::activated), this,
            [this, i, pick] { model_->setPanelImage(int(i), pick->currentText()); });
    pickers_->addWidget(pick, 1);
    if (isVisible()) pick->show();
  }
}

void CaseViewerPage::chooseResults() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose a folder written by tissnet infer"));
  if (dir.isEmpty()) return;
  if (!model_->addResultFolder(dir))
    return Q_EMIT errorOccurred(tr("%1 holds no results for case %2 (expected %2/%2_<output>.nii.gz). Choose the --out "
                                   "folder of tissnet infer.").arg(dir, model_->caseId()));
  status_->setText(tr("Reading images…"));
  model_->load();
}

QString CaseViewerPage::exportFigure(const QString& path, double dpi) {
  std::vector<const viewers::SliceView*> panels(view_->panels().begin(), view_->panels().end());
  viewers::FigureOptions o;
  o.dpi = dpi;
  const auto st = viewers::exportFigure(panels, view_->columns(), path, o);
  return st ? QString() : errorText(st.error(), tr("Exporting the figure"));
}

void CaseViewerPage::chooseExport() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export figure"), model_->caseId() + ".png",
                                                    tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
  if (path.isEmpty()) return;
  if (const QString error = exportFigure(path); !error.isEmpty()) Q_EMIT errorOccurred(error);
}

void CaseViewerPage::retranslate() {
  preset_->clear();
  for (const QString& id : CaseViewerModel::presetIds()) preset_->addItem(CaseViewerModel::presetTitle(id), id);
  preset_->setCurrentIndex(preset_->findData(model_->preset()));
  axis_->clear();
  axis_->addItem(tr("Axial"), int(viewers::SliceAxis::Axial));
  axis_->addItem(tr("Coronal"), int(viewers::SliceAxis::Coronal));
  axis_->addItem(tr("Sagittal"), int(viewers::SliceAxis::Sagittal));
  axis_->setCurrentIndex(axis_->findData(int(model_->axis())));
  using Preset = viewers::WindowLevel::Preset;
  window_->clear();
  window_->addItem(tr("Window: auto (0.5–99.5 %)"), int(Preset::Auto));
  window_->addItem(tr("Window: full range"), int(Preset::Full));
  window_->addItem(tr("Window: wide (0.1–99.9 %)"), int(Preset::Wide));
  window_->addItem(tr("Window: narrow (5–95 %)"), int(Preset::Narrow));
  window_->setToolTip(tr("Window of every grey panel; right-drag in a panel to adjust it, A for automatic"));
  runModel_->setText(tr("Run model…"));
  runModel_->setToolTip(tr("Apply a finished run to this case (Ctrl+M); its outputs become a result source"));
  addResults_->setText(tr("Add results…"));
  addResults_->setToolTip(tr("Show the outputs of tissnet infer for this case"));
  export_->setText(tr("Export figure…"));
  show3d_->setText(tr("3D view"));
  overlaysButton_->setText(tr("Overlays"));
  overlaysButton_->setToolTip(tr("Masks and probability maps: colour, opacity, contour"));
  show3d_->setToolTip(tr("Surfaces of the masks and three slice planes at the cursor (drag to rotate, R to reset)"));
}

void CaseViewerPage::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace tiss::ui
