"""Domain layer: values, enums, rules, validators and errors (standard library only, plus phonenumbers)."""
