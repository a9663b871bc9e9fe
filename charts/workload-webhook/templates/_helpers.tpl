{{/* Names and labels. Object names follow the usual chart convention: the release name when it
contains the chart name (a release called "workload-webhook" gives the same names as the kustomize
base), else "<release>-workload-webhook". */}}
{{- define "workload-webhook.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "workload-webhook.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := include "workload-webhook.name" . }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "workload-webhook.selectorLabels" -}}
app.kubernetes.io/name: {{ include "workload-webhook.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "workload-webhook.labels" -}}
{{ include "workload-webhook.selectorLabels" . }}
app.kubernetes.io/part-of: kubectl-workload
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end }}

{{/* The Service's DNS name: what the serving certificate is for. */}}
{{- define "workload-webhook.serviceHost" -}}
{{- printf "%s.%s.svc" (include "workload-webhook.fullname" .) .Release.Namespace }}
{{- end }}

{{- define "workload-webhook.tlsSecretName" -}}
{{- if eq .Values.certificates.mode "existing-secret" }}
{{- required "certificates.existingSecret.name is required when certificates.mode is existing-secret" .Values.certificates.existingSecret.name }}
{{- else }}
{{- printf "%s-tls" (include "workload-webhook.fullname" .) }}
{{- end }}
{{- end }}

{{- define "workload-webhook.image" -}}
{{- $image := .Values.image }}
{{- $name := printf "%s/%s" $image.registry $image.repository | trimPrefix "/" }}
{{- $tag := default .Chart.AppVersion $image.tag }}
{{- if $image.digest }}
{{- printf "%s:%s@%s" $name $tag $image.digest }}
{{- else }}
{{- printf "%s:%s" $name $tag }}
{{- end }}
{{- end }}

{{/* Self-signed mode: a CA and serving certificate, generated once per render and cached in
.Values so the Secret and both webhook configurations agree; an installed Secret is kept, so an
upgrade never rotates the certificate behind the API server's back. */}}
{{- define "workload-webhook.selfSignedTLS" -}}
{{- if not (hasKey .Values "__selfSignedTLS") }}
{{- $existing := lookup "v1" "Secret" .Release.Namespace (include "workload-webhook.tlsSecretName" .) }}
{{- $tls := dict }}
{{- if and $existing $existing.data (hasKey $existing.data "ca.crt") }}
{{- $tls = dict "ca" (index $existing.data "ca.crt" | b64dec) "crt" (index $existing.data "tls.crt" | b64dec) "key" (index $existing.data "tls.key" | b64dec) }}
{{- else }}
{{- $host := include "workload-webhook.serviceHost" . }}
{{- $days := int .Values.certificates.selfSigned.validityDays }}
{{- $ca := genCA "workload-webhook-ca" $days }}
{{- $cert := genSignedCert $host nil (list $host (printf "%s.cluster.local" $host)) $days $ca }}
{{- $tls = dict "ca" $ca.Cert "crt" $cert.Cert "key" $cert.Key }}
{{- end }}
{{- $_ := set .Values "__selfSignedTLS" $tls }}
{{- end }}
{{- toJson (get .Values "__selfSignedTLS") }}
{{- end }}

{{/* clientConfig.caBundle for the webhook configurations (cert-manager's cainjector fills it instead). */}}
{{- define "workload-webhook.caBundle" -}}
{{- if eq .Values.certificates.mode "self-signed" }}
{{- (include "workload-webhook.selfSignedTLS" . | fromJson).ca | b64enc }}
{{- else if eq .Values.certificates.mode "existing-secret" }}
{{- required "certificates.existingSecret.caBundle (the PEM CA) is required when certificates.mode is existing-secret" .Values.certificates.existingSecret.caBundle | b64enc }}
{{- end }}
{{- end }}

{{- define "workload-webhook.certManagerAnnotations" -}}
{{- if eq .Values.certificates.mode "cert-manager" }}
annotations:
  cert-manager.io/inject-ca-from: {{ printf "%s/%s-serving" .Release.Namespace (include "workload-webhook.fullname" .) }}
{{- end }}
{{- end }}

{{/* The parts every webhook shares: where to send reviews, and which namespaces never go. */}}
{{- define "workload-webhook.webhookCommon" -}}
{{- $root := index . 0 }}
{{- $settings := index . 1 }}
{{- $path := index . 2 }}
admissionReviewVersions: ["v1"]
sideEffects: None
timeoutSeconds: {{ $settings.timeoutSeconds }}
failurePolicy: {{ $settings.failurePolicy }}
matchPolicy: Equivalent
clientConfig:
  service:
    name: {{ include "workload-webhook.fullname" $root }}
    namespace: {{ $root.Release.Namespace }}
    path: {{ $path }}
    port: 443
  {{- with include "workload-webhook.caBundle" $root }}
  caBundle: {{ . }}
  {{- end }}
namespaceSelector:
  matchExpressions:
    - key: kubernetes.io/metadata.name
      operator: NotIn
      values: {{ concat (list "kube-system" $root.Release.Namespace) $root.Values.excludedNamespaces | uniq | toJson }}
{{- end }}
