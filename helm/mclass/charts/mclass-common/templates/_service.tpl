{{- define "mclass-common.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "mclass-common.name" . }}
  labels:
    {{- include "mclass-common.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "mclass-common.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .Values.port }}
      targetPort: http
      protocol: TCP
    # For the ServiceMonitor; the NetworkPolicy admits only the monitoring peer on it.
    - name: management
      port: {{ .Values.managementPort }}
      targetPort: management
      protocol: TCP
{{- end -}}
