#include "shell/CasePage.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include "dataset/CaseRecord.h"
#include "dataset/ThumbnailProvider.h"

namespace tiss::ui {

CasePage::CasePage(const CaseRecord& r, const QStringList& files, ThumbnailProvider* thumbnails, QWidget* parent)
    : QWidget(parent), caseId_(r.id) {
  setObjectName("CasePage");
  auto* layout = new QVBoxLayout(this);
  auto* title = new QLabel(QStringLiteral("<h2>%1</h2>").arg(r.id.toHtmlEscaped()), this);
  layout->addWidget(title);
  const QLocale locale;
  QString facts = tr("%1 × %2 × %3 voxels of %4 × %5 × %6 mm")
                      .arg(r.size[0]).arg(r.size[1]).arg(r.size[2])
                      .arg(locale.toString(r.spacing[0], 'g', 3), locale.toString(r.spacing[1], 'g', 3),
                           locale.toString(r.spacing[2], 'g', 3));
  if (r.tumorVolumeMl >= 0) facts += "; " + tr("tumor %1 mL").arg(locale.toString(r.tumorVolumeMl, 'f', 2));
  layout->addWidget(new QLabel(facts, this));
  if (r.hasProblems()) {
    auto* problems = new QLabel(r.problems.join("\n"), this);
    problems->setStyleSheet("color: #c02020");
    problems->setWordWrap(true);
    layout->addWidget(problems);
  }
  auto* strip = new QLabel(this);
  strip->setObjectName("caseThumbnails");
  const QImage img = thumbnails ? thumbnails->thumbnail(r.id) : QImage();
  if (!img.isNull()) strip->setPixmap(QPixmap::fromImage(img.scaledToHeight(4 * ThumbnailProvider::kHeight)));
  layout->addWidget(strip);
  auto* list = new QLabel(files.join("\n"), this);
  list->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(list);
  layout->addWidget(new QLabel(tr("Slice viewers for this case open here."), this));
  layout->addStretch(1);
}

}  // namespace tiss::ui
