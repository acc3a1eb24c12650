variable "name_prefix" {
  description = "Repository name prefix: repositories are <name_prefix>/<service>."
  type        = string
}

variable "repositories" {
  description = "One repository per deployable (the service names)."
  type        = list(string)
}

variable "keep_images" {
  description = "How many tagged images each repository keeps (older ones expire)."
  type        = number
  default     = 50
}
