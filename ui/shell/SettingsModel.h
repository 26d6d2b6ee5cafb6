#pragma once
/// The workbench settings with their ranges: compute device, CPU threads, default folders and
/// interface language. Stored in a QSettings (injected, so tests use a file of their own).
#include <QObject>
#include <QSettings>
#include <QString>
#include <QStringList>

#include "tiss/dicom/dicom_network.h"

namespace tiss::ui {

class SettingsModel : public QObject {
  Q_OBJECT
 public:
  /// Reads the stored values from `store` (not owned), falling back to the defaults.
  explicit SettingsModel(QSettings* store, QObject* parent = nullptr);

  /// "auto", "cpu" or "cuda" (any "cuda:N" as well).
  QString device() const { return device_; }
  /// False (nothing stored) for a value outside "auto", "cpu", "cuda", "cuda:N".
  bool setDevice(const QString& device);
  int threads() const { return threads_; }
  static int maxThreads();
  /// False for threads outside 1..maxThreads().
  bool setThreads(int threads);
  /// Training runs that may train at once (1..8).
  int maxRuns() const { return maxRuns_; }
  bool setMaxRuns(int n);
  QString dataFolder() const { return dataFolder_; }
  void setDataFolder(const QString& dir);
  QString runsFolder() const { return runsFolder_; }
  void setRunsFolder(const QString& dir);
  /// Language code of availableLanguages(); switching installs it at once.
  QString language() const { return language_; }
  bool setLanguage(const QString& code);

  /// The PACS of File > Open from PACS…: host, DICOM port, its AE title and ours, TLS and its
  /// certificate files.
  DicomNode pacs() const { return pacs_; }
  /// False (nothing stored) for an empty host, a port outside 1..65535, or an AE title that is
  /// empty, longer than 16 characters or holds a backslash or control character, or our TLS
  /// certificate without its key (or the key without the certificate).
  bool setPacs(const DicomNode& node);

  static QString defaultWorkspace();  ///< ~/TissWorkbench

 Q_SIGNALS:
  void changed();

 private:
  void store(const QString& key, const QVariant& value);

  QSettings* store_;
  QString device_ = "auto", dataFolder_, runsFolder_, language_ = "en";
  int threads_ = 2, maxRuns_ = 1;
  DicomNode pacs_;
};

}  // namespace tiss::ui
