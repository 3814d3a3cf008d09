Instance: GoodPatient
InstanceOf: JpFshPatient
Title: "山田太郎"
Usage: #example
* name.text = "山田 太郎"
* name.family = "山田"
* birthDate = "1970-01-01"
* gender = #male
* extension[birthPlace].valueString = "東京都"

// 生年月日がなく、性別が値セットにない: SUSHI は通すが、検証で誤りになる
Instance: PatientWithoutBirthDate
InstanceOf: JpFshPatient
Title: "生年月日のない患者"
Usage: #example
* name
  * text = "鈴木 花子"
  * family = "鈴木"
* gender = #other
