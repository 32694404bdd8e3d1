# An EC2 task in awsvpc mode whose containers are a heredoc of JSON with an interpolated image.
resource "aws_ecs_task_definition" "first" {
  family                = "first-task"
  container_definitions = <<DEFINITION
[
  {
    "name": "first-task",
    "image": "${aws_ecr_repository.repo.repository_url}",
    "essential": true,
    "portMappings": [{ "containerPort": 80, "hostPort": 80 }],
    "memory": 512,
    "cpu": 256,
    "networkMode": "awsvpc"
  }
]
  DEFINITION
  requires_compatibilities = ["EC2"]
  network_mode             = "awsvpc"
  memory                   = 512
  execution_role_arn       = aws_iam_role.task_exec.arn
   cpu                     = 256
}
