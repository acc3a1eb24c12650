{{/*
Names and labels. A service's Kubernetes name is its chart name (gateway, auth-service, ...): the services find each
other at http://<name>:<port>, so install one MClass release per namespace.
*/}}
{{- define "mclass-common.name" -}}
{{- .Chart.Name -}}
{{- end -}}

{{- define "mclass-common.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "mclass-common.labels" -}}
{{ include "mclass-common.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | quote }}
app.kubernetes.io/component: {{ .Values.component }}
app.kubernetes.io/part-of: mclass
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* registry/repository:tag; the tag is per service (<service>.image.tag) so each one rolls out on its own. */}}
{{- define "mclass-common.image" -}}
{{- if .Values.global.image.registry -}}
{{ .Values.global.image.registry }}/{{ .Values.image.repository }}:{{ .Values.image.tag }}
{{- else -}}
{{ .Values.image.repository }}:{{ .Values.image.tag }}
{{- end -}}
{{- end -}}

{{/*
The environment of a service: global.env, then the service's env (which wins). Values are templates (tpl), so they
can refer to .Values.global.*; a value that renders empty is left out (the service keeps its own default).
*/}}
{{- define "mclass-common.environment" -}}
{{- $env := merge (dict) .Values.env .Values.global.env -}}
{{- range $name, $value := $env }}
{{- if not (kindIs "invalid" $value) }}
{{- $rendered := tpl (toString $value) $ }}
{{- if ne $rendered "" }}
{{ $name }}: {{ $rendered | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- end -}}
