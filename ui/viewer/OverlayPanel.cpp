#include "viewer/OverlayPanel.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QEvent>
#include <QHeaderView>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "viewer/CaseViewerModel.h"

namespace tiss::ui {
namespace {

QIcon swatch(const QColor& c) {
  QPixmap p(16, 16);
  p.fill(c);
  return QIcon(p);
}

}  // namespace

OverlayPanel::OverlayPanel(CaseViewerModel* model, QWidget* parent)
    : QWidget(parent), model_(model), table_(new QTableWidget(this)) {
  setObjectName("OverlayPanel");
  table_->setColumnCount(ColumnCount);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(table_);
  connect(model_, &CaseViewerModel::layoutChanged, this, &OverlayPanel::refresh);
  retranslate();
  refresh();
}

void OverlayPanel::refresh() {
  if (updating_) return;
  updating_ = true;
  const QStringList keys = model_->overlayKeys();
  table_->setRowCount(int(keys.size()));
  for (int row = 0; row < keys.size(); ++row) {
    const QString& key = keys[row];
    const auto spec = model_->overlay(key);
    auto* shown = new QCheckBox(key, table_);
    shown->setChecked(spec.has_value());
    auto* colour = new QToolButton(table_);
    colour->setIcon(swatch(spec ? spec->colour : CaseViewerModel::defaultColour(key)));
    colour->setProperty("colour", spec ? spec->colour : CaseViewerModel::defaultColour(key));
    auto* opacity = new QSpinBox(table_);
    opacity->setRange(0, 100);
    opacity->setSuffix(" %");
    opacity->setValue(int(std::lround((spec ? spec->opacity : 0.5) * 100)));
    auto* contour = new QCheckBox(table_);
    contour->setChecked(spec && spec->contour);
    auto* probability = new QCheckBox(table_);
    probability->setChecked(spec && spec->probability);
    table_->setCellWidget(row, Shown, shown);
    table_->setCellWidget(row, Colour, colour);
    table_->setCellWidget(row, Opacity, opacity);
    table_->setCellWidget(row, Contour, contour);
    table_->setCellWidget(row, Probability, probability);
    connect(shown, &QCheckBox::toggled, this, [this, row] { apply(row); });
    connect(contour, &QCheckBox::toggled, this, [this, row] { apply(row); });
    connect(probability, &QCheckBox::toggled, this, [this, row] { apply(row); });
    connect(opacity, qOverload<int>(&QSpinBox::valueChanged), this, [this, row] { apply(row); });
    connect(colour, &QToolButton::clicked, this, [this, row, colour] {
      const QColor c = QColorDialog::getColor(colour->property("colour").value<QColor>(), this);
      if (!c.isValid()) return;
      colour->setProperty("colour", c);
      colour->setIcon(swatch(c));
      apply(row);
    });
  }
  updating_ = false;
}

void OverlayPanel::apply(int row) {
  if (updating_) return;
  auto* shown = qobject_cast<QCheckBox*>(table_->cellWidget(row, Shown));
  viewers::OverlaySpec spec;
  spec.key = shown->text();
  spec.colour = table_->cellWidget(row, Colour)->property("colour").value<QColor>();
  spec.opacity = qobject_cast<QSpinBox*>(table_->cellWidget(row, Opacity))->value() / 100.0;
  spec.contour = qobject_cast<QCheckBox*>(table_->cellWidget(row, Contour))->isChecked();
  spec.probability = qobject_cast<QCheckBox*>(table_->cellWidget(row, Probability))->isChecked();
  updating_ = true;  // the model's layoutChanged must not rebuild the row being edited
  model_->setOverlay(spec.key, shown->isChecked() ? std::optional(spec) : std::nullopt);
  updating_ = false;
}

void OverlayPanel::retranslate() {
  table_->setHorizontalHeaderLabels({tr("Overlay"), tr("Colour"), tr("Opacity"), tr("Contour"), tr("Probability map")});
}

void OverlayPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace tiss::ui
