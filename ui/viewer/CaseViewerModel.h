#pragma once
/// The state behind a case page: which case, which result folders (outputs of `tissnet infer`),
/// the loaded images, the chosen layout and axis. Loads on a worker thread; the page binds to it.
/// Its state is plain JSON so the workspace can keep it per data set.
#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

#include "layout/CaseImages.h"
#include "layout/LayoutSpec.h"
#include "slice/SliceRenderer.h"
#include "tiss/data/dataset.h"

namespace tiss::ui {

class CaseViewerModel : public QObject {
  Q_OBJECT
 public:
  /// Layout presets by id; "custom" is the user's own panel choice.
  static QStringList presetIds();
  static QString presetTitle(const QString& id);

  CaseViewerModel(std::shared_ptr<const Dataset> dataset, const QString& caseId, QObject* parent = nullptr);
  ~CaseViewerModel() override;

  QString caseId() const { return caseId_; }
  /// The data set folder the case comes from (for a case opened on its own: the folder of its
  /// one-case manifest in the workspace).
  QString dataFolder() const { return QString::fromStdString(dataset_->root); }
  /// True for a case opened without a data set (File > Open Case, a drop).
  bool standalone() const { return dataset_->manifest.layout == "files"; }
  /// Key of the data set's label (the ground truth).
  QString labelKey() const { return QString::fromStdString(dataset_->manifest.task.label); }
  const Task& task() const { return dataset_->manifest.task; }
  QStringList resultFolders() const { return results_; }
  /// Adds a `tissnet infer` output folder; false when it holds nothing for this case.
  bool addResultFolder(const QString& folder);
  /// Reads every image of the case and of the result folders in the background.
  void load();
  bool loading() const { return loading_; }
  std::shared_ptr<const viewers::CaseImages> images() const { return images_; }

  QString preset() const { return preset_; }
  /// Chooses a preset (rebuilding the layout from the keys loaded).
  void setPreset(const QString& id);
  const viewers::LayoutSpec& layout() const { return layout_; }
  /// Sets panel `panel`'s image to `key` (the layout becomes "custom").
  void setPanelImage(int panel, const QString& key);
  /// What the layouts cannot show for this case and why (no real target: no difference map;
  /// no label: no Dice), translated; empty when the case has both.
  QStringList notices() const;
  /// loss.coarse_gradient of the TISS-Net run that wrote `resultsFolder` ("full", "detached" or
  /// a share), from its inference.json, else from the run's config.json; empty when unknown or
  /// not a TISS-Net result.
  static QString coarseGradientOf(const QString& resultsFolder);
  /// Keys that can be overlaid: the label and every mask or probability output of the runs.
  QStringList overlayKeys() const;
  /// The overlay `key` as it is drawn on the panels (first panel that has it), if any.
  std::optional<viewers::OverlaySpec> overlay(const QString& key) const;
  /// Draws `spec` on every panel (replacing an overlay of the same key), or removes `key`
  /// from every panel when `spec` is empty. The layout becomes "custom".
  void setOverlay(const QString& key, const std::optional<viewers::OverlaySpec>& spec);
  /// The colour an overlay gets by default: ground truth yellow, y_c red, y_f green, y_r blue,
  /// y_e magenta, others orange.
  static QColor defaultColour(const QString& key);
  viewers::SliceAxis axis() const { return axis_; }
  void setAxis(viewers::SliceAxis axis);

  /// Result folders, preset, custom layout and axis, for the workspace.
  QJsonObject state() const;
  void restore(const QJsonObject& state);

  /// The layout `id` for the keys of `images` (runs named by their folder).
  static viewers::LayoutSpec presetLayout(const QString& id, const viewers::CaseImages& images, const Task& task);

 Q_SIGNALS:
  void loaded();
  void failed(const QString& message);
  void layoutChanged();
  void stateChanged();

 private:
  static void addNormalizedTarget(viewers::CaseImages& images, const QString& target);
  std::map<QString, QString> files() const;

  std::shared_ptr<const Dataset> dataset_;
  QString caseId_, preset_ = "modalities";
  QStringList results_;
  std::shared_ptr<const viewers::CaseImages> images_;
  viewers::LayoutSpec layout_;
  viewers::SliceAxis axis_ = viewers::SliceAxis::Axial;
  bool loading_ = false;
  int generation_ = 0;
  std::shared_ptr<std::atomic<bool>> alive_ = std::make_shared<std::atomic<bool>>(true);
};

}  // namespace tiss::ui
