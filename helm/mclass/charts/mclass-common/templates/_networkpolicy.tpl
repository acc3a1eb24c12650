{{/*
Who may open connections to a service (L4 only). allowFrom lists the MClass services (chart names) whose pods may
connect, whichever release installed them (each service may be its own release); allowIngressController admits the
ingress controller's pods (the gateway only); the monitoring peer may scrape the management port, and only it.
A NetworkPolicy cannot tell /internal/** from /api/**: the gateway never routes /internal/**, and whoever is admitted
here can reach every path of the port (see docs/DEPLOYMENT.md).
*/}}
{{- define "mclass-common.networkpolicy" -}}
{{- if and .Values.global.networkPolicy.enabled .Values.networkPolicy.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "mclass-common.name" . }}
  labels:
    {{- include "mclass-common.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "mclass-common.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
  ingress:
    {{- if or .Values.networkPolicy.allowFrom .Values.networkPolicy.allowIngressController }}
    - from:
        {{- range .Values.networkPolicy.allowFrom }}
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: {{ . }}
              app.kubernetes.io/part-of: mclass
        {{- end }}
        {{- if .Values.networkPolicy.allowIngressController }}
        - namespaceSelector:
            {{- toYaml .Values.global.networkPolicy.ingressController.namespaceSelector | nindent 12 }}
          podSelector:
            {{- toYaml .Values.global.networkPolicy.ingressController.podSelector | nindent 12 }}
        {{- end }}
      ports:
        - protocol: TCP
          port: {{ .Values.port }}
    {{- end }}
    {{- if .Values.global.networkPolicy.monitoring.enabled }}
    - from:
        - namespaceSelector:
            {{- toYaml .Values.global.networkPolicy.monitoring.namespaceSelector | nindent 12 }}
          podSelector:
            {{- toYaml .Values.global.networkPolicy.monitoring.podSelector | nindent 12 }}
      ports:
        - protocol: TCP
          port: {{ .Values.managementPort }}
    {{- end }}
{{- end }}
{{- end -}}
