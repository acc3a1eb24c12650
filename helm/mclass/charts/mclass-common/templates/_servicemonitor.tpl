{{/* For the Prometheus Operator (global.serviceMonitor.enabled); job = the service name, as in observability/;
scraped on the management port. */}}
{{- define "mclass-common.servicemonitor" -}}
{{- if .Values.global.serviceMonitor.enabled }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "mclass-common.name" . }}
  labels:
    {{- include "mclass-common.labels" . | nindent 4 }}
    {{- with .Values.global.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  jobLabel: app.kubernetes.io/name
  selector:
    matchLabels:
      {{- include "mclass-common.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: management
      path: /actuator/prometheus
      interval: {{ .Values.global.serviceMonitor.interval }}
{{- end }}
{{- end -}}
