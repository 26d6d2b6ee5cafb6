#pragma once
/// The page a double-clicked case opens in: until the slice viewers land (issue 5), it shows
/// the case's files, the check result and large thumbnails of every modality.
#include <QWidget>

namespace tiss::ui {

struct CaseRecord;
class ThumbnailProvider;

class CasePage : public QWidget {
  Q_OBJECT
 public:
  CasePage(const CaseRecord& record, const QStringList& files, ThumbnailProvider* thumbnails, QWidget* parent = nullptr);
  QString caseId() const { return caseId_; }

 private:
  QString caseId_;
};

}  // namespace tiss::ui
