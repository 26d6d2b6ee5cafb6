#pragma once
/// State behind the New Sweep dialog: a built-in preset (Fig. 6, Tables 1-4) or a spec file,
/// the data set, the sweep folder, the config preset of every job, jobs at once and threads
/// per job, and extra key=value overrides. Validated as typed by expanding the sweep with
/// core's rules (a typo in a key fails here, naming the trial); create() writes sweep.json.
#include <QObject>
#include <QStringList>

#include "tiss/sweep/sweep.h"

namespace tiss::ui {

class NewSweepModel : public QObject {
  Q_OBJECT
 public:
  explicit NewSweepModel(QObject* parent = nullptr);

  /// Built-in sweeps, then "file" (a spec file of one's own).
  static QStringList presets();
  /// One sentence on what a preset reproduces.
  static QString describe(const QString& preset);

  QString preset() const { return preset_; }
  void setPreset(const QString& preset);
  QString specFile() const { return specFile_; }
  void setSpecFile(const QString& file);
  QString dataDir() const { return data_; }
  void setDataDir(const QString& dir);
  QString outDir() const { return out_; }
  void setOutDir(const QString& dir);
  QString basePreset() const { return base_; }
  void setBasePreset(const QString& preset);
  int maxParallel() const { return parallel_; }
  void setMaxParallel(int n);
  int threadsPerJob() const { return threads_; }
  void setThreadsPerJob(int n);
  /// Devices given to the jobs round robin: "auto", "cpu", or a list like "cuda:0, cuda:1".
  QString devices() const { return devices_; }
  void setDevices(const QString& devices);
  QStringList overrides() const { return overrides_; }
  /// One key=value per line; blank lines ignored.
  void setOverridesText(const QString& text);

  /// The spec as it would run, or why not (file, key or trial named).
  Result<SweepSpec> spec() const;
  /// "" when it can be created, else the reason in plain English (the ui translates errors).
  Status validate() const;
  /// Jobs the sweep expands to (0 when invalid) and how many of them are shared runs.
  int jobCount() const;
  int sharedCount() const;
  /// Writes OUT/sweep.json (or opens the same sweep again); returns the sweep folder.
  Result<QString> create() const;

 Q_SIGNALS:
  void changed();

 private:
  void update();

  QString preset_ = "fig6", specFile_, data_, out_, base_ = "cpu-small", devices_ = "auto";
  int parallel_ = 1, threads_ = 0;
  QStringList overrides_;
  int jobs_ = 0, shared_ = 0;
  Status status_;
};

}  // namespace tiss::ui
