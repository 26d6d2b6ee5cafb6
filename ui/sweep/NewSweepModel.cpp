#include "sweep/NewSweepModel.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include "tiss/sweep/sweep_folder.h"

namespace tiss::ui {

NewSweepModel::NewSweepModel(QObject* parent) : QObject(parent) { update(); }

QStringList NewSweepModel::presets() {
  QStringList out;
  for (const auto& n : sweepPresetNames()) out << QString::fromStdString(n);
  return out << "file";
}

QString NewSweepModel::describe(const QString& preset) {
  if (preset == "fig6") return tr("Fig. 6: validation Dice as each of λp, λc, λS varies alone around 25 / 1 / 25.");
  if (preset == "table1") return tr("Tables 1/5: synthesis losses (L_syn-g, + L_syn-t, + L_p, + L_c) with λS = 0.");
  if (preset == "table2") return tr("Tables 2/6: segmentor input (xs, xt', xt'+yc, xs+xt'+yc) crossed with its losses.");
  if (preset == "table3") return tr("Table 3: y_f vs y_r vs their mean, from one trained TISS-Net.");
  if (preset == "table4") return tr("Tables 4/7: source only, real target, all modalities, synthesis then segmentation, TISS-Net.");
  return tr("A sweep spec file of your own (docs/sweeps.md): axes over any config key, seeds, metric.");
}

void NewSweepModel::setPreset(const QString& p) { preset_ = p; update(); }
void NewSweepModel::setSpecFile(const QString& f) { specFile_ = f; update(); }
void NewSweepModel::setDataDir(const QString& d) { data_ = d; update(); }
void NewSweepModel::setOutDir(const QString& d) { out_ = d; update(); }
void NewSweepModel::setBasePreset(const QString& p) { base_ = p; update(); }
void NewSweepModel::setMaxParallel(int n) { parallel_ = qBound(1, n, 64); update(); }
void NewSweepModel::setThreadsPerJob(int n) { threads_ = qBound(0, n, 256); update(); }

void NewSweepModel::setDevices(const QString& d) { devices_ = d.trimmed(); update(); }

void NewSweepModel::setOverridesText(const QString& text) {
  overrides_.clear();
  for (const QString& line : text.split('\n', Qt::SkipEmptyParts))
    if (!line.trimmed().isEmpty()) overrides_ << line.trimmed();
  update();
}

Result<SweepSpec> NewSweepModel::spec() const {
  auto s = preset_ == "file" ? loadSweepSpec(specFile_.toStdString()) : sweepPreset(preset_.toStdString());
  if (!s) return s.error();
  if (!data_.isEmpty()) s->data = QFileInfo(data_).absoluteFilePath().toStdString();
  if (s->data.empty()) return makeError("", "choose the data set the sweep trains on");
  if (!QFileInfo(QString::fromStdString(s->data)).isDir()) return makeError(s->data, "is not a folder (the data set)");
  s->preset = base_.toStdString();
  for (const QString& o : overrides_) {
    if (!o.contains('=')) return makeError("", "'" + o.toStdString() + "' is not key=value");
    s->set.push_back(o.toStdString());
  }
  s->devices.clear();
  for (const QString& d : devices_.split(',', Qt::SkipEmptyParts)) {
    const QString device = d.trimmed();
    static const QRegularExpression valid("^(auto|cpu|cuda(:[0-9]+)?)$");
    if (!valid.match(device).hasMatch())
      return makeError("", "'" + device.toStdString() + "' is no device (auto, cpu, cuda or cuda:N)");
    if (device != "auto") s->devices.push_back(device.toStdString());
  }
  s->maxParallel = parallel_;
  s->threadsPerTrial = threads_;
  return s;
}

Status NewSweepModel::validate() const { return status_; }

void NewSweepModel::update() {
  jobs_ = shared_ = 0;
  auto s = spec();
  if (!s) {
    status_ = s.error();
  } else if (auto jobs = expandSweep(*s); !jobs) {
    status_ = jobs.error();
  } else if (out_.isEmpty()) {
    status_ = makeError("", "choose the folder the sweep writes to");
  } else {
    status_ = Status();
    jobs_ = int(jobs->size());
    for (const auto& j : *jobs) shared_ += j.shared;
  }
  Q_EMIT changed();
}

int NewSweepModel::jobCount() const { return jobs_; }
int NewSweepModel::sharedCount() const { return shared_; }

Result<QString> NewSweepModel::create() const {
  if (!status_) return status_.error();
  auto s = spec();
  if (!s) return s.error();
  const QString dir = QFileInfo(out_).absoluteFilePath();
  auto f = SweepFolder::create(dir.toStdString(), *s);
  if (!f) return f.error();
  return dir;
}

}  // namespace tiss::ui
