import PingchaModel
print(EmbeddedDefaults.fieldsYAML)
