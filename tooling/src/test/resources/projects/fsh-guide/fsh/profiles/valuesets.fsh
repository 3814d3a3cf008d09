ValueSet: JpGenderValueSet
Id: jp-gender
Title: "性別"
Description: """
性別の値セット。
FHIRのAdministrativeGenderのうち男性と女性のみ。
"""
* http://hl7.org/fhir/administrative-gender#male "男性"
* http://hl7.org/fhir/administrative-gender#female "女性"
