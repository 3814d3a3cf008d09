// 日本の患者プロファイル
Alias: $loinc = http://loinc.org

Profile: JpFshPatient
Parent: Patient
Id: jp-fsh-patient
Title: "日本の患者"
Description: "漢字とカナの氏名を持つ患者"
* name 1..* MS
* name ^short = "氏名（漢字・カナ）"
* birthDate 1..1 MS
* gender from JpGenderValueSet (required)
* extension contains JpBirthPlace named birthPlace 0..1 MS

Extension: JpBirthPlace
Id: jp-birth-place
Title: "出生地"
Description: "患者の出生地（都道府県）"
* value[x] only string
* valueString ^short = "都道府県名"
