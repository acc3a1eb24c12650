{{- define "mclass-common.deployment" -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "mclass-common.name" . }}
  labels:
    {{- include "mclass-common.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      {{- include "mclass-common.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "mclass-common.selectorLabels" . | nindent 8 }}
        app.kubernetes.io/part-of: mclass
        app.kubernetes.io/version: {{ .Values.image.tag | quote }}
      annotations:
        checksum/config: {{ include "mclass-common.configmap" . | sha256sum }}
        prometheus.io/scrape: "true"
        prometheus.io/path: /actuator/prometheus
        prometheus.io/port: {{ .Values.managementPort | quote }}
        {{- with .Values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "mclass-common.name" . }}
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: {{ .Values.terminationGracePeriodSeconds }}
      securityContext:
        {{- toYaml .Values.global.podSecurityContext | nindent 8 }}
      {{- with .Values.global.image.pullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "mclass-common.selectorLabels" . | nindent 14 }}
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "mclass-common.selectorLabels" . | nindent 14 }}
      containers:
        - name: {{ include "mclass-common.name" . }}
          image: {{ include "mclass-common.image" . | quote }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ .Values.port }}
              protocol: TCP
            # Actuator: probes and /actuator/prometheus, never the public port.
            - name: management
              containerPort: {{ .Values.managementPort }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "mclass-common.name" . }}
          {{- if .Values.secretEnv }}
          env:
            {{- range $name, $ref := .Values.secretEnv }}
            - name: {{ $name }}
              valueFrom:
                secretKeyRef:
                  name: {{ $ref.secret }}
                  key: {{ $ref.key }}
                  optional: {{ $ref.optional | default false }}
            {{- end }}
          {{- end }}
          # Startup gives the JVM (and Flyway) time; liveness only restarts a wedged process; readiness takes the pod
          # out of the Service while it cannot serve (Spring Boot's availability states).
          startupProbe:
            httpGet:
              path: {{ .Values.probes.startup.path }}
              port: management
            periodSeconds: {{ .Values.probes.startup.periodSeconds }}
            timeoutSeconds: {{ .Values.probes.startup.timeoutSeconds }}
            failureThreshold: {{ .Values.probes.startup.failureThreshold }}
          livenessProbe:
            httpGet:
              path: {{ .Values.probes.liveness.path }}
              port: management
            periodSeconds: {{ .Values.probes.liveness.periodSeconds }}
            timeoutSeconds: {{ .Values.probes.liveness.timeoutSeconds }}
            failureThreshold: {{ .Values.probes.liveness.failureThreshold }}
          readinessProbe:
            httpGet:
              path: {{ .Values.probes.readiness.path }}
              port: management
            periodSeconds: {{ .Values.probes.readiness.periodSeconds }}
            timeoutSeconds: {{ .Values.probes.readiness.timeoutSeconds }}
            failureThreshold: {{ .Values.probes.readiness.failureThreshold }}
          lifecycle:
            preStop:
              exec:
                # Lets the endpoints controller and the ingress drop the pod before SIGTERM starts the graceful stop.
                command: ["sleep", "{{ .Values.preStopSleepSeconds }}"]
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          securityContext:
            {{- toYaml .Values.global.containerSecurityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        # The root file system is read-only; the JVM and the web server write only here.
        - name: tmp
          emptyDir:
            sizeLimit: 256Mi
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .Values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end -}}
