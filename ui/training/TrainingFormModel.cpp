#include "training/TrainingFormModel.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <QRegularExpression>

#include "common/RunFiles.h"
#include "tiss/config/config.h"
#include "tiss/config/config_keys.h"
#include "tiss/data/dataset.h"

namespace tiss::ui {
namespace {

// "loss": {"lambda_p": 25} -> "loss.lambda_p": 25, keeping the config's key order.
void flatten(const QJsonObject& o, const QString& prefix, QStringList& keys, QJsonObject& out) {
  for (auto it = o.begin(); it != o.end(); ++it) {
    const QString key = prefix.isEmpty() ? it.key() : prefix + "." + it.key();
    if (it->isObject()) flatten(it->toObject(), key, keys, out);
    else if (key != "preset") keys << key, out.insert(key, *it);
  }
}

QString jsonText(const QJsonValue& v) {
  if (v.isString()) return v.toString();
  if (v.isArray()) return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
  if (v.isBool()) return v.toBool() ? "true" : "false";
  return QString::number(v.toDouble(), 'g', 10);
}

}  // namespace

TrainingFormModel::TrainingFormModel(QObject* parent) : QObject(parent) { setPreset("cpu-small"); }

void TrainingFormModel::load(const QJsonObject& config) {
  QStringList flat;
  values_ = {};
  flatten(config, {}, flat, values_);
  // In the key table's order (stage first, then data, net, loss...), as docs/config.md lists them.
  keys_.clear();
  for (const auto& k : configKeys())
    if (flat.contains(QString::fromStdString(k.key))) keys_ << QString::fromStdString(k.key);
  validate();
}

void TrainingFormModel::setPreset(const QString& preset) {
  auto c = loadConfig("", {}, preset.toStdString());
  if (!c) return;
  preset_ = preset;
  load(QJsonDocument::fromJson(QByteArray::fromStdString(toJson(*c))).object());
}

Status TrainingFormModel::copyFromRun(const QString& runDir) {
  QFile f(runFile(runDir, &RunFolder::configFile));
  if (!f.open(QIODevice::ReadOnly)) return makeError(f.fileName().toStdString(), "cannot be read: is this a run folder?");
  auto c = configFromJson(f.readAll().toStdString(), f.fileName().toStdString());
  if (!c) return c.error();
  preset_ = QString::fromStdString(c->preset);
  load(QJsonDocument::fromJson(QByteArray::fromStdString(toJson(*c))).object());
  return Status();
}

QString TrainingFormModel::text(const QString& key) const { return jsonText(values_.value(key)); }

void TrainingFormModel::setText(const QString& key, const QString& text) {
  const QJsonValue old = values_.value(key);
  QJsonValue v = QString(text);
  if (!old.isString()) {
    // Numbers, booleans and lists are JSON; what does not parse stays text and fails validation.
    const QJsonDocument doc = QJsonDocument::fromJson(("[" + text + "]").toUtf8());
    if (doc.isArray() && doc.array().size() == 1) v = doc.array().first();
  }
  values_.insert(key, v);
  validate();
}

QStringList TrainingFormModel::choices(const QString& key) {
  const ConfigKey* k = findConfigKey(key.toStdString());
  if (!k || (k->type != KeyType::Choice && k->type != KeyType::Special)) return {};
  QStringList words;
  for (const auto& c : k->choices)  // a Special key's words, not its "0 to 1" or "DxHxW"
    if (k->type == KeyType::Choice || QString::fromStdString(c).contains(QRegularExpression("^[a-z]+$")))
      words << QString::fromStdString(c);
  return words;
}

bool TrainingFormModel::choicesAreOpen(const QString& key) {
  const ConfigKey* k = findConfigKey(key.toStdString());
  return k && k->type == KeyType::Special;
}

QString TrainingFormModel::help(const QString& key) {
  const ConfigKey* k = findConfigKey(key.toStdString());
  if (!k) return {};
  QString text = QString::fromStdString(k->help);
  if (!k->unit.empty()) text += " [" + QString::fromStdString(k->unit) + "]";
  return text;
}

void TrainingFormModel::setDataDir(const QString& dir) {
  dataDir = dir;
  validate();
}

void TrainingFormModel::setRunName(const QString& name) {
  runName = name;
  validate();
}

QStringList TrainingFormModel::overrides() const {
  QStringList o;
  for (const QString& key : keys_) {
    const QJsonValue v = values_.value(key);
    o << key + "=" + (v.isString() ? v.toString() : jsonText(v));
  }
  return o;
}

void TrainingFormModel::validate() {
  std::vector<std::string> o;
  for (const QString& s : overrides()) o.push_back(s.toStdString());
  auto c = loadConfig("", o, preset_.toStdString());
  QString e;
  if (!c) e = QString::fromStdString(c.error().message);
  else if (c->stage == Stage::TissNet && !isRunFolder(c->spRun))
    e = tr("Stage tissnet needs a trained S_p: set runs.sp to an sp run folder.");
  else if (c->stage == Stage::SegSynth && !isRunFolder(c->synthesisRun))
    e = tr("Stage seg-synth needs a synthesis run: set runs.synthesis to its folder.");
  else if (dataDir.isEmpty() || !openDataset(dataDir.toStdString()))
    e = tr("Choose a data set folder.");
  else if (runName.trimmed().isEmpty() || runName.contains('/'))
    e = tr("Give the run a name (a folder name, no '/').");
  error_ = e;
  Q_EMIT changed();
}

Launch TrainingFormModel::launch(const QString& runsFolder, const QString& tissnet) const {
  Launch l;
  l.tissnet = tissnet;
  l.runDir = QDir(runsFolder).filePath(runName.trimmed());
  l.dataDir = dataDir;
  l.device = device;
  l.threads = threads;
  l.nproc = nproc;
  l.overrides = QStringList{"preset=" + preset_} + overrides();
  return l;
}

}  // namespace tiss::ui
