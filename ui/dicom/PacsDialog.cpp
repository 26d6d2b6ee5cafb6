#include "dicom/PacsDialog.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "dicom/PacsModel.h"

namespace tiss::ui {

PacsDialog::PacsDialog(PacsModel* model, const QString& retrieveRoot, QWidget* parent) : QDialog(parent), model_(model), root_(retrieveRoot) {
  setWindowTitle(tr("Open from PACS"));
  const auto node = model_->node();
  auto* server = new QLabel(tr("Server: %1 at %2:%3, we are %4 (change it in Settings)")
                                .arg(QString::fromStdString(node.calledAe), QString::fromStdString(node.host))
                                .arg(node.port)
                                .arg(QString::fromStdString(node.callingAe)),
                            this);
  patientId_ = new QLineEdit(this);
  patientName_ = new QLineEdit(this);
  patientName_->setPlaceholderText(tr("e.g. Doe* (wildcards * and ?)"));
  modality_ = new QLineEdit("MR", this);
  anyDate_ = new QCheckBox(tr("any date"), this);
  anyDate_->setChecked(true);
  from_ = new QDateEdit(QDate::currentDate().addYears(-1), this);
  to_ = new QDateEdit(QDate::currentDate(), this);
  for (auto* d : {from_, to_}) d->setCalendarPopup(true), d->setDisplayFormat("yyyy-MM-dd");
  search_ = new QPushButton(tr("&Search"), this);
  search_->setDefault(true);
  auto* dates = new QHBoxLayout;
  dates->addWidget(anyDate_);
  dates->addWidget(from_);
  dates->addWidget(new QLabel(tr("to"), this));
  dates->addWidget(to_);
  dates->addStretch();
  dates->addWidget(search_);
  auto* form = new QFormLayout;
  form->addRow(tr("Patient ID"), patientId_);
  form->addRow(tr("Patient name"), patientName_);
  form->addRow(tr("Modality"), modality_);
  form->addRow(tr("Study date"), dates);

  studies_ = new QTableWidget(0, PacsModel::StudyColumns, this);
  for (int c = 0; c < PacsModel::StudyColumns; ++c) studies_->setHorizontalHeaderItem(c, new QTableWidgetItem(PacsModel::studyHeader(c)));
  studies_->horizontalHeader()->setSectionResizeMode(PacsModel::Description, QHeaderView::Stretch);
  studies_->verticalHeader()->hide();
  studies_->setSelectionBehavior(QAbstractItemView::SelectRows);
  studies_->setSelectionMode(QAbstractItemView::SingleSelection);
  studies_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  series_ = new QListWidget(this);
  progress_ = new QProgressBar(this);
  status_ = new QLabel(this);
  status_->setWordWrap(true);
  retrieve_ = new QPushButton(tr("&Retrieve and Open"), this);
  cancel_ = new QPushButton(tr("Cancel retrieval"), this);
  auto* close = new QPushButton(tr("Close"), this);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(progress_, 3);
  buttons->addStretch(1);
  buttons->addWidget(cancel_);
  buttons->addWidget(retrieve_);
  buttons->addWidget(close);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(server);
  layout->addLayout(form);
  layout->addWidget(new QLabel(tr("Studies"), this));
  layout->addWidget(studies_, 2);
  layout->addWidget(new QLabel(tr("Series of the chosen study (MR series ticked)"), this));
  layout->addWidget(series_, 1);
  layout->addWidget(status_);
  layout->addLayout(buttons);

  connect(search_, &QPushButton::clicked, this, &PacsDialog::search);
  connect(anyDate_, &QCheckBox::toggled, this, &PacsDialog::refresh);
  connect(studies_, &QTableWidget::itemSelectionChanged, this, [this] {
    const auto rows = studies_->selectionModel()->selectedRows();
    if (!rows.isEmpty() && rows.first().row() != model_->selectedStudy()) model_->selectStudy(rows.first().row());
  });
  connect(series_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
    model_->setSeriesChecked(series_->row(item), item->checkState() == Qt::Checked);
  });
  connect(retrieve_, &QPushButton::clicked, this, [this] { model_->retrieve(root_); });
  connect(cancel_, &QPushButton::clicked, model_, &PacsModel::cancel);
  connect(close, &QPushButton::clicked, this, &QDialog::reject);
  connect(model_, &PacsModel::studiesChanged, this, &PacsDialog::fillStudies);
  connect(model_, &PacsModel::seriesChanged, this, &PacsDialog::fillSeries);
  connect(model_, &PacsModel::busyChanged, this, &PacsDialog::refresh);
  connect(model_, &PacsModel::progress, this, [this](int done, int total) {
    progress_->setRange(0, std::max(total, done));
    progress_->setValue(done);
  });
  connect(model_, &PacsModel::retrieved, this, [this](const QString& folder) {
    retrieved_ = folder;
    accept();
  });
  const StudyQuery query = model_->query();
  patientId_->setText(QString::fromStdString(query.patientId));
  patientName_->setText(QString::fromStdString(query.patientName));
  if (!query.modality.empty()) modality_->setText(QString::fromStdString(query.modality));
  fillStudies();
  fillSeries();
  if (model_->selectedStudy() >= 0) {
    const QSignalBlocker block(studies_);
    studies_->selectRow(model_->selectedStudy());
  }
  resize(820, 620);
}

void PacsDialog::search() {
  model_->setPatientId(patientId_->text());
  model_->setPatientName(patientName_->text());
  model_->setModality(modality_->text());
  model_->setDates(anyDate_->isChecked() ? QDate() : from_->date(), anyDate_->isChecked() ? QDate() : to_->date());
  model_->search();
}

void PacsDialog::fillStudies() {
  const QSignalBlocker block(studies_);
  studies_->setRowCount(model_->studyCount());
  for (int r = 0; r < model_->studyCount(); ++r)
    for (int c = 0; c < PacsModel::StudyColumns; ++c) studies_->setItem(r, c, new QTableWidgetItem(model_->studyText(r, c)));
  studies_->resizeColumnsToContents();
  studies_->horizontalHeader()->setSectionResizeMode(PacsModel::Description, QHeaderView::Stretch);
  refresh();
}

void PacsDialog::fillSeries() {
  const QSignalBlocker block(series_);
  series_->clear();
  for (int r = 0; r < model_->seriesCount(); ++r) {
    auto* item = new QListWidgetItem(model_->seriesText(r), series_);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(model_->seriesChecked(r) ? Qt::Checked : Qt::Unchecked);
  }
  refresh();
}

void PacsDialog::refresh() {
  const bool busy = model_->busy();
  from_->setEnabled(!anyDate_->isChecked());
  to_->setEnabled(!anyDate_->isChecked());
  search_->setEnabled(!busy);
  studies_->setEnabled(!busy);
  bool any = false;
  for (int r = 0; r < model_->seriesCount(); ++r) any = any || model_->seriesChecked(r);
  retrieve_->setEnabled(!busy && any);
  if (busy && progress_->isHidden()) progress_->setRange(0, 0);  // busy, length unknown until the first file
  cancel_->setVisible(busy);
  progress_->setVisible(busy);
  status_->setText(model_->status());
}

}  // namespace tiss::ui
