{{/* Plain configuration as environment variables (never secrets: those are secretEnv references). */}}
{{- define "mclass-common.configmap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "mclass-common.name" . }}
  labels:
    {{- include "mclass-common.labels" . | nindent 4 }}
data:
  {{- include "mclass-common.environment" . | trim | nindent 2 }}
{{- end -}}
