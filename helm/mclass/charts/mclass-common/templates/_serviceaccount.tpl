{{/* One identity per service (for IRSA/Workload Identity annotations); no Kubernetes API token is mounted. */}}
{{- define "mclass-common.serviceaccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "mclass-common.name" . }}
  labels:
    {{- include "mclass-common.labels" . | nindent 4 }}
  {{- with .Values.serviceAccount.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
automountServiceAccountToken: false
{{- end -}}
