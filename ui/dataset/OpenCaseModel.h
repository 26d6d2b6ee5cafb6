#pragma once
/// File > Open Case and drag-and-drop, without widgets: a case folder or a few image files,
/// each file's modality guessed from its name and editable, the case id and the task; what
/// prevents opening is said in words. Saving keeps only a one-case manifest in the workspace
/// (tiss/data/loose_case.h); the user's files are never written.
#include <QObject>
#include <QStringList>

#include "tiss/data/loose_case.h"

namespace tiss::ui {

class OpenCaseModel : public QObject {
  Q_OBJECT
 public:
  explicit OpenCaseModel(QObject* parent = nullptr);

  /// Lists the image files of `paths` (a folder's own files, or files) with guessed keys and a
  /// guessed case id. Returns the error text (naming the path) or an empty string.
  QString setPaths(const QStringList& paths);
  QStringList files() const { return files_; }
  /// The task key file `row` is used as; "" when it is not used.
  QString key(int row) const { return keys_.value(row); }
  /// Uses file `row` as `key` ("" for none). One file per key: a row that had `key` loses it.
  void setKey(int row, const QString& key);
  /// The keys a file can take: the task's sources, its target, its label.
  QStringList keyChoices() const;

  /// "glioma" (BraTS keys) or "vs" (T2 -> ceT1); a change guesses the keys again.
  QString taskName() const { return QString::fromStdString(task_.name); }
  void setTaskName(const QString& name);
  QString caseId() const { return caseId_; }
  void setCaseId(const QString& id);

  /// What prevents opening, translated, one sentence each; empty when the case can be opened.
  QStringList problems() const;
  bool valid() const { return problems().isEmpty(); }
  /// The case as core describes it.
  LooseCase looseCase() const;
  /// Writes the case's manifest to `casesRoot`/ID (keepLooseCase: ID-2, ID-3... when another
  /// case holds that id; caseId() then says the id kept). Returns that folder, or an empty
  /// string with `error` set.
  QString save(const QString& casesRoot, QString* error);

 Q_SIGNALS:
  void changed();

 private:
  void guessKeys();

  Task task_ = gliomaTask();
  QStringList files_, keys_;
  QString caseId_;
};

}  // namespace tiss::ui
