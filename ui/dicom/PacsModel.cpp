#include "dicom/PacsModel.h"

#include <QDir>
#include <QThreadPool>

#include <algorithm>

#include "common/ErrorText.h"

namespace tiss::ui {

PacsModel::PacsModel(QObject* parent) : QObject(parent) {}

PacsModel::~PacsModel() {
  *alive_ = false;
  if (cancel_) *cancel_ = true;
}

void PacsModel::setNode(const DicomNode& node) { node_ = node; }

void PacsModel::setDates(const QDate& from, const QDate& to) {
  query_.dateFrom = from.isValid() ? from.toString("yyyyMMdd").toStdString() : std::string();
  query_.dateTo = to.isValid() ? to.toString("yyyyMMdd").toStdString() : std::string();
}

void PacsModel::setBusy(bool busy, const QString& status) {
  busy_ = busy;
  status_ = status;
  Q_EMIT busyChanged();
}

void PacsModel::fail(const QString& message) {
  setBusy(false, message);
  Q_EMIT failed(message);
}

void PacsModel::search() {
  if (busy_) return;
  setBusy(true, tr("Searching %1…").arg(QString::fromStdString(node_.calledAe)));
  QThreadPool::globalInstance()->start([this, node = node_, query = query_, alive = alive_] {
    auto found = findStudies(node, query);
    if (!*alive) return;
    QMetaObject::invokeMethod(this, [this, found] {
      if (!found) return fail(errorText(found.error(), tr("Searching the PACS")));
      studies_ = *found;
      series_.clear(), checked_.clear();
      selected_ = -1;
      setBusy(false, tr("%n study(ies) found", "", int(studies_.size())));
      Q_EMIT studiesChanged();
      Q_EMIT seriesChanged();
    }, Qt::QueuedConnection);
  });
}

QString PacsModel::studyHeader(int column) {
  switch (column) {
    case Date: return tr("Date");
    case PatientId: return tr("Patient ID");
    case PatientName: return tr("Patient");
    case Description: return tr("Study");
    case Modalities: return tr("Modalities");
    case Series: return tr("Series");
  }
  return {};
}

QString PacsModel::studyText(int row, int column) const {
  if (row < 0 || row >= studyCount()) return {};
  const StudyMatch& s = studies_[size_t(row)];
  switch (column) {
    case Date: {
      const QDate d = QDate::fromString(QString::fromStdString(s.studyDate), "yyyyMMdd");
      return d.isValid() ? d.toString(Qt::ISODate) : QString::fromStdString(s.studyDate);
    }
    case PatientId: return QString::fromStdString(s.patientId);
    case PatientName: return QString::fromStdString(s.patientName).replace('^', ' ').trimmed();
    case Description: return QString::fromStdString(s.description);
    case Modalities: return QString::fromStdString(s.modalities).replace('\\', ", ");
    case Series: return QString::number(s.seriesCount);
  }
  return {};
}

void PacsModel::selectStudy(int row) {
  if (busy_ || row < 0 || row >= studyCount()) return;
  selected_ = row;
  setBusy(true, tr("Listing the series…"));
  QThreadPool::globalInstance()->start([this, node = node_, uid = studies_[size_t(row)].studyUid, alive = alive_] {
    auto found = findSeries(node, uid);
    if (!*alive) return;
    QMetaObject::invokeMethod(this, [this, found] {
      if (!found) return fail(errorText(found.error(), tr("Listing the series")));
      series_ = *found;
      std::sort(series_.begin(), series_.end(), [](const auto& a, const auto& b) { return a.seriesNumber < b.seriesNumber; });
      checked_.clear();
      for (const auto& s : series_) checked_.push_back(s.modality == "MR");
      setBusy(false, tr("%n series", "", int(series_.size())));
      Q_EMIT seriesChanged();
    }, Qt::QueuedConnection);
  });
}

QString PacsModel::seriesText(int row) const {
  if (row < 0 || row >= seriesCount()) return {};
  const SeriesMatch& s = series_[size_t(row)];
  return tr("%1  %2  %3  (%n image(s))", "", s.instances).arg(s.seriesNumber).arg(QString::fromStdString(s.modality), QString::fromStdString(s.description));
}

bool PacsModel::seriesChecked(int row) const { return row >= 0 && row < seriesCount() && checked_[size_t(row)]; }

void PacsModel::setSeriesChecked(int row, bool checked) {
  if (row < 0 || row >= seriesCount()) return;
  checked_[size_t(row)] = checked;
  Q_EMIT seriesChanged();
}

void PacsModel::retrieve(const QString& root) {
  if (busy_ || selected_ < 0) return;
  std::vector<SeriesMatch> chosen;
  for (int i = 0; i < seriesCount(); ++i)
    if (checked_[size_t(i)]) chosen.push_back(series_[size_t(i)]);
  if (chosen.empty()) return fail(tr("Tick at least one series to retrieve."));
  int total = 0;
  for (const auto& s : chosen) total += s.instances;
  const QString study = QDir(root).filePath(QString::fromStdString(studies_[size_t(selected_)].studyUid));
  cancel_ = std::make_shared<std::atomic<bool>>(false);
  setBusy(true, tr("Retrieving %n series…", "", int(chosen.size())));
  QThreadPool::globalInstance()->start([this, node = node_, chosen, study, total, alive = alive_, cancel = cancel_] {
    int done = 0;
    tiss::Error error;
    for (const auto& s : chosen) {
      const int before = done;
      auto files = retrieveSeries(node, s.studyUid, s.seriesUid, QDir(study).filePath(QString::fromStdString(s.seriesUid)).toStdString(),
                                  [&](int n, int) {
                                    done = before + n;
                                    if (*alive) QMetaObject::invokeMethod(this, [this, done, total] { Q_EMIT progress(done, total); }, Qt::QueuedConnection);
                                    return !*cancel;
                                  });
      if (!files) {
        error = files.error();
        break;
      }
    }
    if (!*alive) return;
    QMetaObject::invokeMethod(this, [this, error, study, cancelled = bool(*cancel)] {
      if (cancelled) return fail(tr("Retrieval cancelled; the files already received stay in %1.").arg(study));
      if (!error.message.empty()) return fail(errorText(error, tr("Retrieving the series")));
      setBusy(false, tr("Retrieved into %1").arg(study));
      Q_EMIT retrieved(study);
    }, Qt::QueuedConnection);
  });
}

void PacsModel::cancel() {
  if (cancel_) *cancel_ = true;
}

}  // namespace tiss::ui
