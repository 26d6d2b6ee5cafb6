#pragma once
/// The training form's state: every hyperparameter of the engine's config (flattened keys such
/// as "loss.lambda_p"), the data set, run name, device and threads; validated on each change by
/// the engine's own config rules plus what a launch needs (an S_p run for `tissnet`, ...).
/// Presets: the paper's defaults, the quick CPU demo, or a copy of an existing run's config.
#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include "training/TrainingLauncher.h"

namespace tiss::ui {

class TrainingFormModel : public QObject {
  Q_OBJECT
 public:
  explicit TrainingFormModel(QObject* parent = nullptr);

  /// "paper" or "cpu-small": every field takes the preset's value.
  void setPreset(const QString& preset);
  QString preset() const { return preset_; }
  /// Every field from RUN/config.json; fails naming the file when it is not a run's config.
  Status copyFromRun(const QString& runDir);

  /// Config keys in the key table's order ("stage", "seed", "data.patch", ...).
  QStringList keys() const { return keys_; }
  /// The field's value as JSON text ("25", "true", "\"tissnet\"", "[8,16]").
  QString text(const QString& key) const;
  /// Sets a field from the text the user typed (JSON, or a bare word for strings).
  void setText(const QString& key, const QString& text);
  /// The choices of an enumerated key, from the engine's key table (tiss/config/config_keys.h);
  /// empty for free values.
  static QStringList choices(const QString& key);
  /// True when the key also takes values beside its choices (loss.coarse_gradient's share,
  /// inference.window's DxHxW): the field is an editable list.
  static bool choicesAreOpen(const QString& key);
  /// The key's meaning and unit, from the key table (English, as the engine's docs).
  static QString help(const QString& key);

  QString dataDir, runName, device = "auto";
  int threads = 0;
  int nproc = 1;  ///< data-parallel ranks on this machine (1: one process)
  void setDataDir(const QString& dir);
  void setRunName(const QString& name);

  /// Empty when the form can be launched; else one sentence saying what to fix.
  QString error() const { return error_; }
  bool valid() const { return error_.isEmpty(); }
  /// Re-checks everything (called after every change).
  void validate();
  /// What to start, with run folder `runsFolder/runName`.
  Launch launch(const QString& runsFolder, const QString& tissnet) const;

 Q_SIGNALS:
  void changed();

 private:
  void load(const QJsonObject& config);
  QStringList overrides() const;

  QString preset_ = "cpu-small", error_, runsFolder_;
  QStringList keys_;
  QJsonObject values_;  // flattened key -> value
};

}  // namespace tiss::ui
