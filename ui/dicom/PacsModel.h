#pragma once
/// File > Open from PACS…, without widgets: the server (from the settings), the query's fields,
/// the studies found, the chosen study's series (MR ticked), and their retrieval into the
/// workspace with progress and cancel. Every network call runs off the UI thread
/// (tiss/dicom/dicom_network.h: C-FIND, C-GET); results and errors come back as signals.
#include <QDate>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

#include "tiss/dicom/dicom_network.h"

namespace tiss::ui {

class PacsModel : public QObject {
  Q_OBJECT
 public:
  explicit PacsModel(QObject* parent = nullptr);
  ~PacsModel() override;

  DicomNode node() const { return node_; }
  /// The server to talk to; the settings' values (validated there).
  void setNode(const DicomNode& node);

  /// Query fields: empty matches all; dates inclusive (invalid: open-ended).
  StudyQuery query() const { return query_; }
  void setPatientId(const QString& id) { query_.patientId = id.trimmed().toStdString(); }
  void setPatientName(const QString& name) { query_.patientName = name.trimmed().toStdString(); }
  void setDates(const QDate& from, const QDate& to);
  void setModality(const QString& modality) { query_.modality = modality.trimmed().toStdString(); }

  /// Starts a study query (C-FIND); studiesChanged or failed follow.
  void search();
  int studyCount() const { return int(studies_.size()); }
  enum StudyColumn { Date, PatientId, PatientName, Description, Modalities, Series, StudyColumns };
  QString studyText(int row, int column) const;
  static QString studyHeader(int column);
  /// Lists study `row`'s series (C-FIND); seriesChanged or failed follow.
  void selectStudy(int row);
  int selectedStudy() const { return selected_; }
  int seriesCount() const { return int(series_.size()); }
  /// "7  MR  t2_tirm_tra_dark-fluid  (24 images)".
  QString seriesText(int row) const;
  bool seriesChecked(int row) const;
  void setSeriesChecked(int row, bool checked);

  /// Retrieves the ticked series (C-GET) into `root`/<StudyInstanceUID>/<SeriesInstanceUID>;
  /// progress(done, total) per file; retrieved(study folder) or failed (a cancel says so).
  void retrieve(const QString& root);
  void cancel();
  bool busy() const { return busy_; }
  /// What the model is doing or did last, translated ("3 studies found").
  QString status() const { return status_; }

 Q_SIGNALS:
  void studiesChanged();
  void seriesChanged();
  void busyChanged();
  void progress(int done, int total);
  void retrieved(const QString& folder);
  void failed(const QString& message);

 private:
  void setBusy(bool busy, const QString& status);
  void fail(const QString& message);

  DicomNode node_;
  StudyQuery query_;
  std::vector<StudyMatch> studies_;
  std::vector<SeriesMatch> series_;
  std::vector<bool> checked_;
  int selected_ = -1;
  bool busy_ = false;
  QString status_;
  std::shared_ptr<std::atomic<bool>> alive_ = std::make_shared<std::atomic<bool>>(true), cancel_;
};

}  // namespace tiss::ui
